package com.switchboard.device;

import com.switchboard.site.SiteId;
import com.switchboard.tenancy.CustomerId;

/** A device was moved to another site of its customer. */
public record DeviceMoved(CustomerId customerId, DeviceId deviceId, MacAddress macAddress, SiteId from, SiteId to) {
}
