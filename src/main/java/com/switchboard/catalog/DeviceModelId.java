package com.switchboard.catalog;

/** The id of a device model of the catalogue. */
public record DeviceModelId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
