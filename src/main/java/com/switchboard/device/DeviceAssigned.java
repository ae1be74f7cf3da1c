package com.switchboard.device;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserId;

/** A device was given to a user (wizard, Numbers page, device page, API, bulk file). */
public record DeviceAssigned(CustomerId customerId, DeviceId deviceId, MacAddress macAddress, UserId userId,
                             Actor actor, String userName) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("device.assigned", "device", deviceId, macAddress.display(), userName);
    }
}
