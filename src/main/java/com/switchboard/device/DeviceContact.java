package com.switchboard.device;

/** A phone fetched its configuration from {@code address} with {@code userAgent} (either may be null). */
public record DeviceContact(DeviceId deviceId, String address, String userAgent) {
}
