package com.switchboard.user;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** A user (a person who gets phones and numbers) was created. */
public record UserCreated(CustomerId customerId, UserId userId, Actor actor, String fullName, String email,
                          String extension, String siteName) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("user.created", "user", userId, fullName, email, extension, siteName);
    }
}
