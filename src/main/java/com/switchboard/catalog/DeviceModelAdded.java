package com.switchboard.catalog;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** A model was added to the catalogue (the platform's, so no customer). */
public record DeviceModelAdded(DeviceModelId modelId, String displayName, Actor actor) implements Audited {

    @Override
    public CustomerId customerId() {
        return null;
    }

    @Override
    public Entry auditEntry() {
        return Entry.of("device-model.created", "device-model", modelId, displayName);
    }
}
