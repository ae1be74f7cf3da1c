package com.switchboard.number;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** A phone number was removed. */
public record NumberRemoved(CustomerId customerId, NumberId numberId, String e164, Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("number.deleted", "phone-number", numberId, e164);
    }
}
