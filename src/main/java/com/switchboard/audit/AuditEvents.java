package com.switchboard.audit;

import java.util.List;

import com.switchboard.rules.MalformedInput;
import com.switchboard.rules.NotFound;
import com.switchboard.tenancy.CustomerId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a customer's audit log: the whole of it, searched and paged, or one object's history. */
@Service
public class AuditEvents {

    private final AuditEventRepository repository;

    AuditEvents(AuditEventRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public AuditPage search(CustomerId customerId, AuditQuery query) {
        if (!repository.customerExists(customerId)) {
            throw new NotFound("customer.not-found");
        }
        if (query.page() < 0) {
            throw MalformedInput.field("page", "request.parameter.invalid");
        }
        if (query.size() < 1 || query.size() > AuditQuery.MAX_SIZE) {
            throw MalformedInput.field("size", "request.page-size", AuditQuery.MAX_SIZE);
        }
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            throw MalformedInput.field("to", "audit.filter.to-before-from");
        }
        return new AuditPage(repository.search(customerId, query), query.page(), query.size(),
                repository.count(customerId, query));
    }

    /** The latest events of one object of the customer, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> history(CustomerId customerId, String objectType, String objectId, int limit) {
        return repository.history(customerId, objectType, objectId, limit);
    }

    /** The object types and admins that appear in the customer's log, for the page's filters. */
    @Transactional(readOnly = true)
    public List<String> objectTypes(CustomerId customerId) {
        return repository.objectTypes(customerId);
    }

    public record AuditPage(List<AuditEntry> items, int page, int size, long totalItems) {

        public boolean hasNext() {
            return (long) (page + 1) * size < totalItems;
        }
    }
}
