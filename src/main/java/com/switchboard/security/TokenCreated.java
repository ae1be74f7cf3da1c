package com.switchboard.security;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** An API token was created (its secret is never part of the event). */
public record TokenCreated(CustomerId customerId, long tokenId, String name, Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("token.created", "token", tokenId, name);
    }
}
