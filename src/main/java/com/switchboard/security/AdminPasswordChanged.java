package com.switchboard.security;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** An administrator changed their own password (the password is never part of the event). */
public record AdminPasswordChanged(CustomerId customerId, long adminId, String email, Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("admin.password.changed", "admin", adminId, email);
    }
}
