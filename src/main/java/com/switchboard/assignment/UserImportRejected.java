package com.switchboard.assignment;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** A user import was refused for the errors of its file; nobody was set up. */
public record UserImportRejected(CustomerId customerId, long importId, String fileName, int errors, Actor actor)
        implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("user-import.rejected", "user-import", importId, fileName, errors);
    }
}
