package com.switchboard.number;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserId;

/** A phone number was given to a user. */
public record NumberAssigned(CustomerId customerId, NumberId numberId, String e164, UserId userId, Actor actor,
                             String userName) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("number.assigned", "phone-number", numberId, e164, userName);
    }
}
