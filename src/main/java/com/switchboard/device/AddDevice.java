package com.switchboard.device;

import com.switchboard.tenancy.CustomerId;

/** The command of "Add device": the MAC as typed, checked by the inventory. */
public record AddDevice(CustomerId customerId, Long siteId, Long modelId, String macAddress, String label) {
}
