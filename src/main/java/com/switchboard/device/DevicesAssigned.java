package com.switchboard.device;

import java.util.List;

import com.switchboard.audit.Audited;
import com.switchboard.audit.AuditedBatch;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/**
 * Devices of an import were given to their users together, in its one transaction: what {@link DeviceAssigned}
 * says of one device, for many. Each is audited as one assigned by hand ({@code device.assigned}), tied to the
 * import; the SIP lines follow it in bulk.
 */
public record DevicesAssigned(CustomerId customerId, long importId, List<DeviceAssigned> devices, Actor actor)
        implements AuditedBatch {

    public DevicesAssigned {
        devices = List.copyOf(devices);
    }

    @Override
    public List<Audited.Entry> auditEntries() {
        return devices.stream().map(DeviceAssigned::auditEntry).toList();
    }
}
