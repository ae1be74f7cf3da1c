package com.switchboard.device;

import com.switchboard.audit.Audited;
import com.switchboard.site.SiteId;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** A device was added to a customer's inventory (by hand or by the wizard; an import announces its devices together in {@link DevicesImported}). */
public record DeviceAdded(CustomerId customerId, DeviceId deviceId, SiteId siteId, MacAddress macAddress, Actor actor,
                          String modelName, String siteName) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("device.created", "device", deviceId, macAddress.display(), modelName, siteName);
    }
}
