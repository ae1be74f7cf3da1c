package com.switchboard.device;

/** The Edit-device form as typed; kept as is when it comes back with errors. */
public class DeviceEditForm {

    private String label;
    private Long siteId;

    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public Long getSiteId() { return siteId; }
    public void setSiteId(Long siteId) { this.siteId = siteId; }
}
