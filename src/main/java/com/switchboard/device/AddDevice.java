package com.switchboard.device;

import com.switchboard.catalog.DeviceModelId;
import com.switchboard.site.SiteId;
import com.switchboard.tenancy.CustomerId;

/** The command of "Add device": the MAC as typed, checked by the inventory. */
public record AddDevice(CustomerId customerId, SiteId siteId, DeviceModelId modelId, String macAddress, String label) {
}
