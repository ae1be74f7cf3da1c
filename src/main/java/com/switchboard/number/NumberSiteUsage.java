package com.switchboard.number;

import java.util.Map;

import com.switchboard.site.SiteId;
import com.switchboard.site.SiteUsage;
import com.switchboard.tenancy.CustomerId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The phone numbers of each site, for the site pages. */
@Component
class NumberSiteUsage implements SiteUsage {

    private final NumberRepository repository;

    NumberSiteUsage(NumberRepository repository) {
        this.repository = repository;
    }

    @Override
    public String kind() {
        return "numbers";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<SiteId, Long> countsBySite(CustomerId customerId) {
        return repository.countsBySite(customerId);
    }
}
