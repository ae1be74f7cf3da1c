package com.switchboard.device;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import com.switchboard.tenancy.CustomerId;

/**
 * Data another module keeps about devices (its line, its registration…), shown with the devices in
 * the API and on the pages, and filterable, without this module knowing that one: a bean of the
 * other module implements it.
 */
public interface DeviceExtension {

    /** The name of the device's JSON field and of the pages' model attribute, e.g. {@code registration}. */
    String name();

    /** The value of each of these devices (a device left out shows null); one query for a page of devices. */
    Map<DeviceId, ?> of(CustomerId customerId, Collection<DeviceId> devices);

    /** The list filter this extension answers to (a query parameter such as {@code registered}), if any. */
    default Optional<String> filterName() {
        return Optional.empty();
    }

    /**
     * The SQL condition on the device row ({@code d}) for a value of the filter, with its named parameters
     * (prefixed with the filter's name); empty when the value means nothing (then the list refuses it).
     */
    default Optional<Condition> condition(String value) {
        return Optional.empty();
    }

    record Condition(String sql, Map<String, Object> params) {
    }
}
