package com.switchboard.device;

import com.switchboard.catalog.DeviceModelId;
import com.switchboard.site.SiteId;

/** One device of a bulk add (an import's row), already checked against the rules of {@link DeviceInventory}. */
public record NewDevice(SiteId siteId, DeviceModelId modelId, MacAddress macAddress, String label) {
}
