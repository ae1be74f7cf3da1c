package com.switchboard.device;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserId;

/** A device was taken back from its user, by hand or because the user was removed. */
public record DeviceUnassigned(CustomerId customerId, DeviceId deviceId, MacAddress macAddress, UserId userId,
                               Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("device.unassigned", "device", deviceId, macAddress.display());
    }
}
