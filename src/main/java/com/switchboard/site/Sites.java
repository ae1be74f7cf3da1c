package com.switchboard.site;

import java.util.List;

import com.switchboard.customer.Customers;
import com.switchboard.rules.Conflict;
import com.switchboard.rules.DomainException;
import com.switchboard.rules.NotFound;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A customer's sites. */
@Service
public class Sites {

    private final SiteRepository repository;
    private final Customers customers;
    private final CustomerScope scope;
    private final ApplicationEventPublisher events;

    Sites(SiteRepository repository, Customers customers, CustomerScope scope, ApplicationEventPublisher events) {
        this.repository = repository;
        this.customers = customers;
        this.scope = scope;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<Site> of(CustomerId customerId) {
        customers.get(customerId);
        return repository.findByCustomer(customerId);
    }

    /** @throws DomainException "site.not-found" also when the site belongs to another customer */
    @Transactional(readOnly = true)
    public Site get(CustomerId customerId, SiteId siteId) {
        return repository.find(customerId, siteId).orElseThrow(() -> new NotFound("site.not-found"));
    }

    @Transactional
    public Site add(CustomerId customerId, SiteDetails details) {
        customers.get(customerId);
        try {
            SiteId id = repository.insert(customerId, details);
            events.publishEvent(new SiteAdded(customerId, id, details.name(), scope.actor()));
            return get(customerId, id);
        } catch (SiteRepository.NameTaken e) {
            throw Conflict.field("name", "site.name.taken");
        }
    }

    @Transactional
    public Site change(CustomerId customerId, SiteId siteId, SiteDetails details) {
        get(customerId, siteId);
        try {
            repository.update(customerId, siteId, details);
        } catch (SiteRepository.NameTaken e) {
            throw Conflict.field("name", "site.name.taken");
        }
        events.publishEvent(new SiteChanged(customerId, siteId, details.name(), scope.actor()));
        return get(customerId, siteId);
    }

    @Transactional
    public void remove(CustomerId customerId, SiteId siteId) {
        Site site = get(customerId, siteId);
        try {
            repository.delete(customerId, siteId);
        } catch (SiteRepository.InUse e) {
            throw new Conflict("site.delete.in-use", site.name());
        }
        events.publishEvent(new SiteRemoved(customerId, siteId, site.name(), scope.actor()));
    }

    /** How many sites the customer has, for the dashboard. */
    @Transactional(readOnly = true)
    public long count(CustomerId customerId) {
        return repository.count(customerId);
    }
}
