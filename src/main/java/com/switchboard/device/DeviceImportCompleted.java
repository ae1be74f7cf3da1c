package com.switchboard.device;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/**
 * An import added its devices (and, "add and update", changed some already there): the one line of the
 * import in the audit log and the dashboard.
 */
public record DeviceImportCompleted(CustomerId customerId, long importId, String fileName, int added, int unchanged,
                                    int updated, Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        Entry entry = Entry.of("device-import.completed", "device-import", importId, fileName, added, unchanged);
        return updated == 0 ? entry
                : entry.toldAs("audit.summary.device-import.updated", fileName, added, unchanged, updated);
    }
}
