package com.switchboard.provisioning;

import java.time.Instant;

import com.switchboard.device.DeviceId;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserId;

/** A device's SIP line as other modules may see it: never its password. */
public record Line(long id, CustomerId customerId, DeviceId deviceId, UserId userId, String username, String domain,
                   Instant createdAt, Instant passwordChangedAt) {
}
