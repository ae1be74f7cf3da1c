package com.switchboard.device;

import com.switchboard.site.SiteId;
import com.switchboard.tenancy.CustomerId;

/** A device was added to a customer's inventory (by hand, by the wizard or by an import). */
public record DeviceAdded(CustomerId customerId, DeviceId deviceId, SiteId siteId, MacAddress macAddress) {
}
