package com.switchboard.device;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** An import added its devices: the one line of the import in the audit log and the dashboard. */
public record DeviceImportCompleted(CustomerId customerId, long importId, String fileName, int added, int unchanged,
                                    Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("device-import.completed", "device-import", importId, fileName, added, unchanged);
    }
}
