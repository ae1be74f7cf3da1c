package com.switchboard.number;

import java.util.List;

import com.switchboard.audit.Audited;
import com.switchboard.audit.AuditedBatch;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/**
 * Numbers of an import were given to their users together, in its one transaction. Each is audited as one
 * assigned by hand ({@code number.assigned}), tied to the import.
 */
public record NumbersAssigned(CustomerId customerId, long importId, List<NumberAssigned> numbers, Actor actor)
        implements AuditedBatch {

    public NumbersAssigned {
        numbers = List.copyOf(numbers);
    }

    @Override
    public List<Audited.Entry> auditEntries() {
        return numbers.stream().map(NumberAssigned::auditEntry).toList();
    }
}
