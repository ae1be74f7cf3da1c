package com.switchboard.customer;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** A customer was created. */
public record CustomerCreated(CustomerId customerId, String name, Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("customer.created", "customer", customerId, name);
    }
}
