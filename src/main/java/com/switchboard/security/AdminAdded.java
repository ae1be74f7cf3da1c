package com.switchboard.security;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** An administrator account was added; {@code customerId} is null for a provider admin. */
public record AdminAdded(CustomerId customerId, long adminId, String email, Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("admin.created", "admin", adminId, email);
    }
}
