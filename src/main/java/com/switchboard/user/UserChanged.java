package com.switchboard.user;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** A user's details were changed. */
public record UserChanged(CustomerId customerId, UserId userId, Actor actor, String fullName, String email) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("user.updated", "user", userId, fullName, email);
    }
}
