package com.switchboard.device;

import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserId;

/** A device was taken back from its user, by hand or because the user is being removed. */
public record DeviceUnassigned(CustomerId customerId, DeviceId deviceId, MacAddress macAddress, UserId userId) {
}
