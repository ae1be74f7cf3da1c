package com.switchboard.device;

/** The Add-device form as typed; kept as is when it comes back with errors. */
public class DeviceForm {

    private Long siteId;
    private Long modelId;
    private String macAddress;
    private String label;

    public Long getSiteId() { return siteId; }
    public void setSiteId(Long siteId) { this.siteId = siteId; }
    public Long getModelId() { return modelId; }
    public void setModelId(Long modelId) { this.modelId = modelId; }
    public String getMacAddress() { return macAddress; }
    public void setMacAddress(String macAddress) { this.macAddress = macAddress; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
}
