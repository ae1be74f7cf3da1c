package com.switchboard.device;

/** The id of a device in a customer's inventory. */
public record DeviceId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
