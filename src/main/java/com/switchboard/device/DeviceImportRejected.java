package com.switchboard.device;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** An import was refused for the errors of its file; nothing was added. */
public record DeviceImportRejected(CustomerId customerId, long importId, String fileName, int errors, Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("device-import.rejected", "device-import", importId, fileName, errors);
    }
}
