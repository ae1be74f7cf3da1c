package com.switchboard.site;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** A site was added to a customer. */
public record SiteAdded(CustomerId customerId, SiteId siteId, String name, Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("site.created", "site", siteId, name);
    }
}
