package com.switchboard.user;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.switchboard.customer.Customers;
import com.switchboard.rules.Conflict;
import com.switchboard.rules.DomainException.FieldProblem;
import com.switchboard.rules.DomainException;
import com.switchboard.rules.NotFound;
import com.switchboard.site.Site;
import com.switchboard.site.SiteId;
import com.switchboard.site.Sites;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A customer's directory of people: add, change, find, remove. */
@Service
public class Users {

    private final UserRepository repository;
    private final Sites sites;
    private final Customers customers;
    private final CustomerScope scope;
    private final ApplicationEventPublisher events;

    Users(UserRepository repository, Sites sites, Customers customers, CustomerScope scope,
          ApplicationEventPublisher events) {
        this.repository = repository;
        this.sites = sites;
        this.customers = customers;
        this.scope = scope;
        this.events = events;
    }

    /**
     * Checks a person's details against the customer's other users (email and extension free, site
     * its own), reporting every problem at once; {@code excluding} is the user being changed, if any.
     */
    @Transactional(readOnly = true)
    public void check(CustomerId customerId, UserDetails user, UserId excluding) {
        customers.get(customerId);
        List<FieldProblem> problems = new ArrayList<>();
        try {
            sites.get(customerId, new SiteId(user.siteId()));
        } catch (DomainException e) {
            throw NotFound.field("siteId", "site.not-found");
        }
        if (repository.emailTaken(customerId, user.email(), excluding)) {
            problems.add(new FieldProblem("email", "user.email.taken", user.email()));
        }
        if (repository.extensionTaken(customerId, user.extension(), excluding)) {
            problems.add(new FieldProblem("extension", "user.extension.taken", user.extension()));
        }
        if (!problems.isEmpty()) {
            throw new Conflict(problems.get(0).code(), problems, problems.get(0).args());
        }
    }

    @Transactional
    public UserView add(CustomerId customerId, UserDetails user) {
        check(customerId, user, null);
        UserId id;
        try {
            id = repository.insert(customerId, user);
        } catch (UserRepository.Taken e) {
            throw taken(e, user);
        }
        UserView added = get(customerId, id);
        events.publishEvent(new UserCreated(customerId, id, scope.actor(), added.fullName(), added.email(),
                added.extension(), added.siteName()));
        return added;
    }

    /**
     * Adds many people at once (an import's rows), already checked by the caller with {@link UserDetails#problems()}
     * and against the customer's users: one {@code COPY}, one query for their ids, one {@link UsersImported}. The
     * unique indexes still refuse an email or extension taken meanwhile, and the caller's transaction with it.
     *
     * @return the new users' ids by email in lower case
     */
    @Transactional
    public Map<String, UserId> addImported(CustomerId customerId, long importId, Actor actor, List<UserDetails> people) {
        if (people.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> siteNames = new HashMap<>();
        sites.of(customerId).forEach(site -> siteNames.put(site.id().value(), site.name()));
        repository.copy(customerId, people);
        Map<String, UserId> ids = repository.idsByEmail(customerId, people.stream().map(UserDetails::email).toList());
        List<UserCreated> created = people.stream().map(p -> new UserCreated(customerId,
                ids.get(p.email().toLowerCase(Locale.ROOT)), actor, p.firstName() + " " + p.lastName(), p.email(),
                p.extension(), siteNames.get(p.siteId()))).toList();
        events.publishEvent(new UsersImported(customerId, importId, created, actor));
        return ids;
    }

    @Transactional
    public UserView change(CustomerId customerId, UserId id, UserDetails user) {
        UserView before = getForUpdate(customerId, id);
        check(customerId, user, id);
        try {
            repository.update(customerId, id, user);
        } catch (UserRepository.Taken e) {
            throw taken(e, user);
        } catch (UserRepository.SiteInUse e) {
            throw Conflict.field("siteId", "user.site.has-assignments", before.fullName());
        }
        UserView after = get(customerId, id);
        events.publishEvent(new UserChanged(customerId, id, scope.actor(), after.fullName(), after.email()));
        return after;
    }

    /** Removes a user who holds no number nor device any more (the caller frees them first). */
    @Transactional
    public void remove(CustomerId customerId, UserId id) {
        UserView user = getForUpdate(customerId, id);
        repository.delete(customerId, id);
        events.publishEvent(new UserRemoved(customerId, id, scope.actor(), user.fullName(), user.email()));
    }

    /** @throws DomainException "user.not-found" also when the user belongs to another customer */
    @Transactional(readOnly = true)
    public UserView get(CustomerId customerId, UserId id) {
        return repository.find(customerId, id).orElseThrow(() -> new NotFound("user.not-found"));
    }

    /** The user, locked until the end of the transaction, so that assignments and removal do not cross. */
    @Transactional
    public UserView getForUpdate(CustomerId customerId, UserId id) {
        return repository.findForUpdate(customerId, id).orElseThrow(() -> new NotFound("user.not-found"));
    }

    @Transactional(readOnly = true)
    public UserPage search(CustomerId customerId, UserQuery query) {
        customers.get(customerId);
        UserRepository.Page page = repository.search(customerId, query);
        return new UserPage(page.items(), query.page(), query.size(), page.total());
    }

    @Transactional(readOnly = true)
    public List<UserView> atSite(CustomerId customerId, SiteId siteId) {
        Site site = sites.get(customerId, siteId);
        return repository.findBySite(customerId, site.id());
    }

    /** The extension a new user is offered: the one after the highest in use. */
    @Transactional(readOnly = true)
    public Optional<String> nextExtension(CustomerId customerId) {
        return repository.nextExtension(customerId);
    }

    private static DomainException taken(UserRepository.Taken e, UserDetails user) {
        return e.email
                ? Conflict.field("email", "user.email.taken", user.email())
                : Conflict.field("extension", "user.extension.taken", user.extension());
    }

    /** One page of a search. */
    public record UserPage(List<UserView> items, int page, int size, long totalItems) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < totalItems;
        }
    }

    /** How many users the customer has, for the dashboard. */
    @Transactional(readOnly = true)
    public long count(CustomerId customerId) {
        return repository.count(customerId);
    }
}
