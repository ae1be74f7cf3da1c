package com.switchboard.device;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The addresses of the list's links for one search: each keeps every filter, so that paging,
 * sorting and exporting act on what is on the screen and the address can be bookmarked.
 */
public record DeviceListLinks(DeviceQuery query) {

    public String page(int page) {
        return url("/devices", query.withPage(page), true);
    }

    /** Clicking a column header: that column ascending, or the other way round if it is already the order. */
    public String sort(String column) {
        DeviceQuery.Sort current = query.sort();
        DeviceQuery.Sort next = current.column().equals(column) ? current.reversed()
                : DeviceQuery.Sort.of(column, false).orElseThrow();
        return url("/devices", query.withSort(next), true);
    }

    /** "ascending", "descending" or "none", for aria-sort. */
    public String sortState(String column) {
        if (!query.sort().column().equals(column)) {
            return "none";
        }
        return query.sort().descending() ? "descending" : "ascending";
    }

    public String export() {
        return url("/devices/export.csv", query, false);
    }

    static String url(String path, DeviceQuery q, boolean paging) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
        if (q.q() != null) {
            url.queryParam("q", q.q());
        }
        if (q.siteId() != null) {
            url.queryParam("siteId", q.siteId());
        }
        if (q.modelId() != null) {
            url.queryParam("modelId", q.modelId());
        }
        if (q.status() != null) {
            url.queryParam("status", q.status().name());
        }
        if (q.assigned() != null) {
            url.queryParam("assigned", q.assigned());
        }
        q.extensionFilters().forEach(url::queryParam);
        if (q.sort() != DeviceQuery.Sort.NEWEST) {
            url.queryParam("sort", q.sort().param());
        }
        if (paging && q.size() != 50) {
            url.queryParam("size", q.size());
        }
        if (paging && q.page() > 0) {
            url.queryParam("page", q.page());
        }
        return url.encode().build().toUriString();
    }
}
