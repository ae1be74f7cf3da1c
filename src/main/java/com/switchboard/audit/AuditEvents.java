package com.switchboard.audit;

import java.util.List;
import java.util.Locale;

import com.switchboard.rules.MalformedInput;
import com.switchboard.rules.NotFound;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.KnownCustomers;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a customer's audit log: the whole of it, searched and paged, one object's history, or the
 * latest events for the dashboard; each action and summary rendered in the reader's language (the
 * page's, or the API caller's Accept-Language) from the code and arguments stored.
 */
@Service
public class AuditEvents {

    private final AuditEventRepository repository;
    private final MessageSource messages;
    private final KnownCustomers customers;

    AuditEvents(AuditEventRepository repository, MessageSource messages, KnownCustomers customers) {
        this.repository = repository;
        this.messages = messages;
        this.customers = customers;
    }

    @Transactional(readOnly = true)
    public AuditPage search(CustomerId customerId, AuditQuery query) {
        if (!customers.exists(customerId)) {
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
        return new AuditPage(rendered(repository.search(customerId, query)), query.page(), query.size(),
                repository.count(customerId, query));
    }

    /** The latest events of one object of the customer, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> history(CustomerId customerId, String objectType, String objectId, int limit) {
        return rendered(repository.history(customerId, objectType, objectId, limit));
    }

    /** The latest events of the customer, an import counting as one (its devices' own events left out). */
    @Transactional(readOnly = true)
    public List<AuditEntry> recent(CustomerId customerId, int limit) {
        return rendered(repository.recent(customerId, limit));
    }

    /** The object types and admins that appear in the customer's log, for the page's filters. */
    @Transactional(readOnly = true)
    public List<String> objectTypes(CustomerId customerId) {
        return repository.objectTypes(customerId);
    }

    private List<AuditEntry> rendered(List<AuditEventRepository.Stored> rows) {
        Locale locale = LocaleContextHolder.getLocale();
        String server = messages.getMessage("audit.actor.system", null, locale);
        return rows.stream().map(row -> new AuditEntry(row.id(),
                Actor.SYSTEM_EMAIL.equals(row.actorEmail()) ? null : row.actorEmail(),
                Actor.SYSTEM_EMAIL.equals(row.actorEmail()) ? server : row.actorEmail(), row.action(),
                messages.getMessage("audit.action." + row.action(), null, row.action(), locale),
                row.objectType(), row.objectId(),
                messages.getMessage(row.summaryKey(), row.summaryArgs().toArray(), "", locale),
                row.remoteAddr(), row.createdAt())).toList();
    }

    public record AuditPage(List<AuditEntry> items, int page, int size, long totalItems) {

        public boolean hasNext() {
            return (long) (page + 1) * size < totalItems;
        }
    }
}
