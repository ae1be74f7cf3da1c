package com.switchboard.user;

import java.util.Map;

import com.switchboard.site.SiteId;
import com.switchboard.site.SiteUsage;
import com.switchboard.tenancy.CustomerId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The users of each site, for the site pages. */
@Component
class UserSiteUsage implements SiteUsage {

    private final UserRepository repository;

    UserSiteUsage(UserRepository repository) {
        this.repository = repository;
    }

    @Override
    public String kind() {
        return "users";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<SiteId, Long> countsBySite(CustomerId customerId) {
        return repository.countsBySite(customerId);
    }
}
