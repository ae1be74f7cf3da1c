package com.switchboard.device;

import com.switchboard.audit.Audited;
import com.switchboard.site.SiteId;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** A device was moved to another site of its customer. */
public record DeviceMoved(CustomerId customerId, DeviceId deviceId, MacAddress macAddress, SiteId from, SiteId to,
                          Actor actor, String fromName, String toName) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("device.moved", "device", deviceId, macAddress.display(), fromName, toName);
    }
}
