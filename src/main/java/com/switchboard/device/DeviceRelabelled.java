package com.switchboard.device;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** A device's label was changed; a label left empty is null. */
public record DeviceRelabelled(CustomerId customerId, DeviceId deviceId, MacAddress macAddress, String oldLabel,
                               String newLabel, Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("device.updated", "device", deviceId, macAddress.display(), oldLabel == null ? "—" : oldLabel, newLabel == null ? "—" : newLabel);
    }
}
