package com.switchboard.registrar;

import com.switchboard.audit.Audited;
import com.switchboard.device.DeviceId;
import com.switchboard.device.MacAddress;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** A phone was sent a restart or resync (a SIP NOTIFY); {@code outcome} is the phone's answer or "sent". */
public record PhoneCommandSent(CustomerId customerId, DeviceId deviceId, MacAddress macAddress, Registrar.Command command,
                               String outcome, Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of(command.auditAction(), "device", deviceId.value(), macAddress.display() + " (" + outcome + ")");
    }
}
