package com.switchboard.device;

import java.time.Instant;
import java.util.List;

import com.switchboard.catalog.DeviceModelId;
import com.switchboard.site.SiteId;
import com.switchboard.tenancy.CustomerId;

/** A device as pages and the API show it. */
public record DeviceView(DeviceId id, CustomerId customerId, SiteId siteId, String siteName, DeviceModelId modelId,
                         String modelDisplayName, MacAddress macAddress, String label, DeviceStatus status,
                         Long assignedUserId, String assignedUserName, Instant createdAt, List<Warning> warnings) {

    /** Something worth a second look that did not stop the change; {@code code} is the message key. */
    public record Warning(String code, Object... args) {
    }

    DeviceView withWarnings(List<Warning> newWarnings) {
        return new DeviceView(id, customerId, siteId, siteName, modelId, modelDisplayName, macAddress, label, status,
                assignedUserId, assignedUserName, createdAt, List.copyOf(newWarnings));
    }
}
