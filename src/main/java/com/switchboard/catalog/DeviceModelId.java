package com.switchboard.catalog;

/** The id of a device model of the catalogue. */
public record DeviceModelId(long value) {

    /** The id of a request, where it may be left out: null stays null. */
    public static DeviceModelId of(Long value) {
        return value == null ? null : new DeviceModelId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
