package com.switchboard.catalog;

import java.util.List;

/** A phone, conference phone, DECT base or analog adapter the provider supports, and where it is sold. */
public record DeviceModel(DeviceModelId id, String manufacturer, String model, Kind kind, int lineKeys,
                          String provisioningFamily, List<String> countries, boolean active) {

    public enum Kind { DESK_PHONE, CONFERENCE_PHONE, DECT_BASE, ANALOG_ADAPTER }

    public String displayName() {
        return manufacturer + " " + model;
    }

    public boolean availableIn(String country) {
        return active && countries.contains(country);
    }
}
