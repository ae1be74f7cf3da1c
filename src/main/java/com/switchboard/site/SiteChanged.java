package com.switchboard.site;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/** A site's details were changed. */
public record SiteChanged(CustomerId customerId, SiteId siteId, String name, Actor actor) implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of("site.updated", "site", siteId, name);
    }
}
