package com.switchboard.provisioning;

import com.switchboard.audit.Audited;
import com.switchboard.device.DeviceId;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** A device's line was given a new password (the password itself travels nowhere: only the line's address). */
public record LinePasswordReset(CustomerId customerId, DeviceId deviceId, String lineAddress, Actor actor)
        implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("line.password-reset", "device", deviceId, lineAddress);
    }
}
