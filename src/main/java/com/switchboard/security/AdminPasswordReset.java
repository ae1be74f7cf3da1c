package com.switchboard.security;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** An administrator's password was reset, by a provider admin or from the server's command line (the password is never part of the event). */
public record AdminPasswordReset(CustomerId customerId, long adminId, String email, Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("admin.password.reset", "admin", adminId, email);
    }
}
