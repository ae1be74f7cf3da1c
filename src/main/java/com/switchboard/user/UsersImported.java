package com.switchboard.user;

import java.util.List;

import com.switchboard.audit.Audited;
import com.switchboard.audit.AuditedBatch;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/**
 * The people of an import were added together, in its one transaction. Each is audited as one added by hand
 * ({@code user.created}), tied to the import so that the dashboard shows the import's own event once.
 */
public record UsersImported(CustomerId customerId, long importId, List<UserCreated> users, Actor actor)
        implements AuditedBatch {

    public UsersImported {
        users = List.copyOf(users);
    }

    @Override
    public List<Audited.Entry> auditEntries() {
        return users.stream().map(UserCreated::auditEntry).toList();
    }
}
