package com.switchboard.device;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a device is in its life: in the inventory, or given to a user. Stored by name (the
 * {@code device.status} column and its check), shown as {@code device.status.<NAME>}. Whether the
 * phone has fetched its configuration is the provisioning module's {@code provisioningStatus}, not this.
 */
public enum DeviceStatus {
    UNASSIGNED, ASSIGNED;

    /** A status as a filter reads it, any letter case; empty when blank or not one. */
    public static Optional<DeviceStatus> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
