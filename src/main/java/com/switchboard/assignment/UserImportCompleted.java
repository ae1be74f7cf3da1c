package com.switchboard.assignment;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** A user import set up its people: the one line of the import in the audit log and the dashboard. */
public record UserImportCompleted(CustomerId customerId, long importId, String fileName, int created, int unchanged,
                                  Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("user-import.completed", "user-import", importId, fileName, created, unchanged);
    }
}
