package com.switchboard.number;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** Phone numbers were added to a site: one, or a range from {@code first} to {@code last}. */
public record NumbersAdded(CustomerId customerId, NumberId firstId, String first, String last, int count,
                           String siteName, Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("number.created", "phone-number", firstId, first, last, count, siteName);
    }
}
