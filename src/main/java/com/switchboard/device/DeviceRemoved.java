package com.switchboard.device;

import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserId;

/** A device was removed from the inventory; {@code assignedUserId} is whom it was given to, or null. */
public record DeviceRemoved(CustomerId customerId, DeviceId deviceId, MacAddress macAddress, UserId assignedUserId) {
}
