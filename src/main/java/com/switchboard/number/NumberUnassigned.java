package com.switchboard.number;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserId;

/** A phone number was taken back from its user, by hand or because the user was removed. */
public record NumberUnassigned(CustomerId customerId, NumberId numberId, String e164, UserId userId, Actor actor,
                               String userName) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("number.unassigned", "phone-number", numberId, e164, userName);
    }
}
