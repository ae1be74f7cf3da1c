package com.switchboard.device;

import java.util.List;

/**
 * The list's search and filters as they arrive in the page's URL. Values that make no sense (a
 * page size not offered, an unknown status) fall back to the defaults instead of an error page, so
 * an edited or outdated bookmark still opens.
 */
public class DeviceListForm {

    static final List<Integer> SIZES = List.of(25, 50, 100, 500);

    private String q;
    private Long siteId;
    private Long modelId;
    private String status;
    private Boolean assigned;
    private String sort;
    private Integer page;
    private Integer size;

    DeviceQuery toQuery() {
        DeviceStatus s = DeviceStatus.parse(status).orElse(null);
        String search = q == null || q.isBlank() ? null : q.strip();
        if (search != null && search.length() > 100) {
            search = search.substring(0, 100);
        }
        return new DeviceQuery(siteId, modelId, s, assigned, search,
                DeviceQuery.Sort.parse(sort).orElse(DeviceQuery.Sort.NEWEST),
                page == null || page < 0 ? 0 : page,
                size != null && SIZES.contains(size) ? size : 50);
    }

    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public Long getSiteId() { return siteId; }
    public void setSiteId(Long siteId) { this.siteId = siteId; }
    public Long getModelId() { return modelId; }
    public void setModelId(Long modelId) { this.modelId = modelId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Boolean getAssigned() { return assigned; }
    public void setAssigned(Boolean assigned) { this.assigned = assigned; }
    public String getSort() { return sort; }
    public void setSort(String sort) { this.sort = sort; }
    public Integer getPage() { return page; }
    public void setPage(Integer page) { this.page = page; }
    public Integer getSize() { return size; }
    public void setSize(Integer size) { this.size = size; }
}
