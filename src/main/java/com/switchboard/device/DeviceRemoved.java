package com.switchboard.device;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserId;

/** A device was removed from the inventory; {@code assignedUserId} is whom it was given to, or null. */
public record DeviceRemoved(CustomerId customerId, DeviceId deviceId, MacAddress macAddress, UserId assignedUserId,
                            Actor actor, String modelName) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("device.deleted", "device", deviceId, macAddress.display(), modelName);
    }
}
