package com.switchboard.provisioning;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** A customer's provisioning key was replaced (the key itself travels nowhere). */
public record ProvisioningKeyRotated(CustomerId customerId, Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("provisioning.key-rotated", "customer", customerId.value());
    }
}
