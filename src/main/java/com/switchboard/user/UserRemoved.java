package com.switchboard.user;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** A user was removed (their devices and numbers were freed first). */
public record UserRemoved(CustomerId customerId, UserId userId, Actor actor, String fullName, String email) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("user.deleted", "user", userId, fullName, email);
    }
}
