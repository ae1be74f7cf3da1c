package com.switchboard.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes who did what to which object, the only writer of {@code audit_event}. It listens to the
 * modules' events in their own transaction (a plain {@link EventListener}, not after commit), so that
 * a change and its audit event are committed, or rolled back, together. Every module announces its
 * changes with such events (the actor in the event); none calls the log directly.
 */
@Component
class AuditLog {

    private final AuditEventRepository repository;

    AuditLog(AuditEventRepository repository) {
        this.repository = repository;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(Audited event) {
        repository.insert(event.customerId(), event.actor(), event.auditEntry());
    }

    /**
     * The per-object events of a bulk operation (an import's devices), loaded with {@code COPY}: one row
     * each, as if each had been added by hand, tied to the import so that the dashboard shows it once.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(AuditedBatch batch) {
        repository.copy(batch.customerId(), batch.actor(), batch.importId(), batch.auditEntries());
    }
}
