package com.switchboard.number;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.switchboard.customer.Customers;
import com.switchboard.rules.Conflict;
import com.switchboard.rules.DomainException;
import com.switchboard.rules.NotFound;
import com.switchboard.rules.Refused;
import com.switchboard.site.Site;
import com.switchboard.site.SiteId;
import com.switchboard.site.Sites;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import com.switchboard.user.UserId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A customer's phone numbers: add one or a range to a site, find, assign to a user of the site, free. */
@Service
public class Numbers {

    private final NumberRepository repository;
    private final Sites sites;
    private final Customers customers;
    private final CustomerScope scope;
    private final ApplicationEventPublisher events;

    Numbers(NumberRepository repository, Sites sites, Customers customers, CustomerScope scope,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.sites = sites;
        this.customers = customers;
        this.scope = scope;
        this.events = events;
    }

    /** Adds one number, checked for the site's country. */
    @Transactional
    public NumberView add(CustomerId customerId, Long siteId, String number) {
        return addRange(customerId, siteId, number, null).get(0);
    }

    /**
     * Adds every number from {@code from} to {@code to} (one number when {@code to} is blank), all or
     * none: one that exists already, here or at another customer, refuses the whole range.
     */
    @Transactional
    public List<NumberView> addRange(CustomerId customerId, Long siteId, String from, String to) {
        Site site = site(customerId, siteId);
        boolean single = to == null || to.isBlank();
        List<PhoneNumber> numbers = single ? List.of(parse(from, site, "e164")) : List.of(parse(from, site, "from"));
        if (!single) {
            try {
                numbers = PhoneNumber.range(from, to, site.country());
            } catch (PhoneNumber.Invalid e) {
                throw Refused.field("to", e.code(), e.args());
            }
        }
        List<String> existing = repository.existing(numbers);
        if (!existing.isEmpty()) {
            throw duplicate(single ? "e164" : "from", existing);
        }
        List<NumberView> added = new ArrayList<>();
        for (PhoneNumber number : numbers) {
            NumberId id = repository.insertIfNew(customerId, site.id(), number)
                    .orElseThrow(() -> duplicate(single ? "e164" : "from", List.of(number.e164())));
            added.add(repository.find(customerId, id).orElseThrow());
        }
        events.publishEvent(new NumbersAdded(customerId, added.get(0).id(), numbers.get(0).e164(),
                numbers.get(numbers.size() - 1).e164(), numbers.size(), site.name(), scope.actor()));
        return added;
    }

    private static PhoneNumber parse(String input, Site site, String field) {
        try {
            return PhoneNumber.parse(input, site.country());
        } catch (PhoneNumber.Invalid e) {
            throw Refused.field(field, e.code(), e.args());
        }
    }

    private static DomainException duplicate(String field, List<String> existing) {
        String shown = existing.size() == 1 ? existing.get(0) : existing.get(0) + " (+" + (existing.size() - 1) + ")";
        return Conflict.field(field, "number.duplicate", shown);
    }

    private Site site(CustomerId customerId, Long siteId) {
        customers.get(customerId);
        if (siteId == null) {
            throw Refused.field("siteId", "validation.required");
        }
        try {
            return sites.get(customerId, new SiteId(siteId));
        } catch (DomainException e) {
            throw NotFound.field("siteId", "site.not-found");
        }
    }

    /** @throws DomainException "number.not-found" also when the number belongs to another customer */
    @Transactional(readOnly = true)
    public NumberView get(CustomerId customerId, NumberId id) {
        return repository.find(customerId, id).orElseThrow(() -> new NotFound("number.not-found"));
    }

    @Transactional(readOnly = true)
    public NumberPage search(CustomerId customerId, NumberQuery query) {
        customers.get(customerId);
        NumberRepository.Page page = repository.search(customerId, query);
        return new NumberPage(page.items(), query.page(), query.size(), page.total());
    }

    @Transactional(readOnly = true)
    public List<NumberView> availableAt(CustomerId customerId, SiteId siteId) {
        return repository.availableAt(customerId, sites.get(customerId, siteId).id());
    }

    @Transactional(readOnly = true)
    public List<NumberView> ofUser(CustomerId customerId, UserId userId) {
        return repository.ofUser(customerId, userId);
    }

    /**
     * Gives the number to a user of its site. Assigning it again to its holder changes nothing.
     *
     * @throws DomainException "number.assigned" (taken by someone else, concurrent takers included) or
     *                         "assignment.site-mismatch"
     */
    @Transactional
    public NumberView assign(CustomerId customerId, NumberId id, UserId userId, SiteId userSite, String userName) {
        NumberView number = get(customerId, id);
        if (userId.equals(number.assignedUserId())) {
            return number;
        }
        checkSite(number, userSite);
        if (!repository.assignIfFree(customerId, id, userId, userSite)) {
            throw Conflict.field("numberId", "number.assigned", number.number().national());
        }
        events.publishEvent(new NumberAssigned(customerId, id, number.number().e164(), userId, scope.actor(), userName));
        return get(customerId, id);
    }

    /**
     * The checks of {@link #assign} without assigning, so that a wizard can say at its number step that a
     * number does not fit its user; the assignment itself checks again.
     */
    @Transactional(readOnly = true)
    public NumberView checkAssignable(CustomerId customerId, NumberId id, SiteId userSite) {
        NumberView number = get(customerId, id);
        checkSite(number, userSite);
        if (!number.available()) {
            throw Conflict.field("numberId", "number.assigned", number.number().national());
        }
        return number;
    }

    private static void checkSite(NumberView number, SiteId userSite) {
        if (!number.siteId().equals(userSite)) {
            throw Refused.field("numberId", "assignment.site-mismatch",
                    number.number().national(), number.siteName());
        }
    }

    /**
     * Gives many numbers to their users at once (an import's rows, checked already): one statement, one
     * {@link NumbersAssigned}. All or none: a number taken meanwhile, or not at its user's site, refuses the lot.
     *
     * @throws DomainException "number.assigned" when any of them is no longer free
     */
    @Transactional
    public void assignImported(CustomerId customerId, long importId, Actor actor, List<NumberAssignment> assignments) {
        if (assignments.isEmpty()) {
            return;
        }
        Map<Long, String> taken = repository.assignAllIfFree(customerId, assignments);
        if (taken.size() != assignments.size()) {
            throw new Conflict("number.assigned", assignments.stream().filter(a -> !taken.containsKey(a.numberId().value()))
                    .findFirst().map(a -> String.valueOf(a.numberId().value())).orElse("?"));
        }
        events.publishEvent(new NumbersAssigned(customerId, importId, assignments.stream().map(a -> new NumberAssigned(
                customerId, a.numberId(), taken.get(a.numberId().value()), a.userId(), actor, a.userName())).toList(), actor));
    }

    @Transactional
    public NumberView unassign(CustomerId customerId, NumberId id) {
        NumberView number = get(customerId, id);
        if (number.available()) {
            return number;
        }
        repository.free(customerId, id);
        events.publishEvent(new NumberUnassigned(customerId, id, number.number().e164(), number.assignedUserId(),
                scope.actor(), number.assignedUserName()));
        return get(customerId, id);
    }

    /** Frees every number of a user that is about to go. */
    @Transactional
    public int freeAllOf(CustomerId customerId, UserId userId) {
        List<NumberView> held = repository.ofUser(customerId, userId);
        Actor actor = scope.actor();
        int freed = repository.freeAllOf(customerId, userId);
        for (NumberView number : held) {
            events.publishEvent(new NumberUnassigned(customerId, number.id(), number.number().e164(), userId, actor,
                    number.assignedUserName()));
        }
        return freed;
    }

    /** Removes an available number; an assigned one is freed first by its user's page. */
    @Transactional
    public void remove(CustomerId customerId, NumberId id) {
        NumberView number = get(customerId, id);
        if (repository.delete(customerId, id) == 0) {
            throw new Conflict("number.assigned", number.number().national());
        }
        events.publishEvent(new NumberRemoved(customerId, id, number.number().e164(), scope.actor()));
    }

    /** One page of a search. */
    public record NumberPage(List<NumberView> items, int page, int size, long totalItems) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < totalItems;
        }
    }

    /** The customer's numbers, available and assigned, for the dashboard. */
    @Transactional(readOnly = true)
    public Counts counts(CustomerId customerId) {
        return repository.counts(customerId);
    }

    public record Counts(long available, long assigned) {
    }
}
