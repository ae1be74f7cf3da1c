package com.switchboard.device;

import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserId;

/** A device was given to a user (wizard, Numbers page, device page, API, bulk file). */
public record DeviceAssigned(CustomerId customerId, DeviceId deviceId, MacAddress macAddress, UserId userId) {
}
