package com.switchboard.device;

import java.util.List;

import com.switchboard.audit.Audited;
import com.switchboard.audit.AuditedBatch;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/**
 * A batch of an import's devices was added (an import announces its devices batch by batch, in its
 * one transaction, then {@link DeviceImportCompleted}). Each device is audited as added by hand, its
 * summary naming the file.
 */
public record DevicesImported(CustomerId customerId, long importId, String fileName, List<DeviceAdded> devices,
                              Actor actor) implements AuditedBatch {

    public DevicesImported {
        devices = List.copyOf(devices);
    }

    @Override
    public List<Audited.Entry> auditEntries() {
        return devices.stream().map(d -> d.auditEntry().toldAs("audit.summary.device.imported",
                d.macAddress().display(), d.modelName(), d.siteName(), fileName)).toList();
    }
}
