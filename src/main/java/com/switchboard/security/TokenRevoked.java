package com.switchboard.security;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** An API token was revoked. */
public record TokenRevoked(CustomerId customerId, long tokenId, Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("token.revoked", "token", tokenId);
    }
}
