package com.switchboard.catalog;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** A model of the catalogue was changed. */
public record DeviceModelChanged(DeviceModelId modelId, String displayName, Actor actor) implements Audited {

    @Override
    public CustomerId customerId() {
        return null;
    }

    @Override
    public Entry auditEntry() {
        return Entry.of("device-model.updated", "device-model", modelId, displayName);
    }
}
