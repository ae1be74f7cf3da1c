package com.switchboard.security;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** A provider admin required, or stopped requiring, a second factor for a customer's admins. */
public record TwoFactorRequirementChanged(CustomerId customerId, boolean required, Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of(required ? "customer.two-factor.required" : "customer.two-factor.optional",
                "customer", customerId.value());
    }
}
