package com.switchboard.audit;

import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes who did what to which object, the only writer of {@code audit_event}. It listens to the
 * modules' events in their own transaction (a plain {@link EventListener}, not after commit), so that
 * a change and its audit event are committed, or rolled back, together.
 */
@Component
public class AuditLog {

    private final AuditEventRepository repository;
    private final CustomerScope scope;
    /** The import whose changes this thread is making, if any: its rows are tied to it. */
    private final ThreadLocal<Long> currentImport = new ThreadLocal<>();

    AuditLog(AuditEventRepository repository, CustomerScope scope) {
        this.repository = repository;
        this.scope = scope;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(Audited event) {
        repository.insert(event.customerId(), event.actor(), event.auditEntry(), currentImport.get());
    }

    /**
     * Runs the changes of an import that makes them one by one through the modules' services (the user import):
     * their audit rows are tied to the import, as a bulk import's are, so that the dashboard shows the import's
     * own event once rather than every change.
     */
    public void forImport(long importId, Runnable changes) {
        Long outer = currentImport.get();
        currentImport.set(importId);
        try {
            changes.run();
        } finally {
            if (outer == null) {
                currentImport.remove();
            } else {
                currentImport.set(outer);
            }
        }
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

    /**
     * For a change that its module does not announce with an event of its own (yet): the same row an
     * {@link Audited} event would write, by the admin of the current request. The summary is the message
     * {@code audit.summary.<action>} with these arguments, rendered in the reader's language.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(CustomerId customerId, String action, String objectType, Object objectId, Object... args) {
        repository.insert(customerId, scope.actor(),
                Audited.Entry.of(action, objectType, objectId, args == null ? new Object[0] : args), currentImport.get());
    }
}
