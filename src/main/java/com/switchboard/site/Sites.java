package com.switchboard.site;

import java.util.List;

import com.switchboard.audit.AuditLog;
import com.switchboard.customer.Customers;
import com.switchboard.rules.Conflict;
import com.switchboard.rules.DomainException;
import com.switchboard.rules.NotFound;
import com.switchboard.tenancy.CustomerId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A customer's sites. */
@Service
public class Sites {

    private final SiteRepository repository;
    private final Customers customers;
    private final AuditLog audit;

    Sites(SiteRepository repository, Customers customers, AuditLog audit) {
        this.repository = repository;
        this.customers = customers;
        this.audit = audit;
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
            audit.record(customerId, "site.created", "site", id, details.name());
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
        audit.record(customerId, "site.updated", "site", siteId, details.name());
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
        audit.record(customerId, "site.deleted", "site", siteId, site.name());
    }
}
