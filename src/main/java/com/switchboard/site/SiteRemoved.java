package com.switchboard.site;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** A site was removed. */
public record SiteRemoved(CustomerId customerId, SiteId siteId, String name, Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("site.deleted", "site", siteId, name);
    }
}
