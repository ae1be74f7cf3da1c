package com.switchboard.security;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** An administrator account was removed. */
public record AdminRemoved(CustomerId customerId, long adminId, String email, Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("admin.deleted", "admin", adminId, email);
    }
}
