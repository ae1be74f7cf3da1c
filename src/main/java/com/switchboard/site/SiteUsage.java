package com.switchboard.site;

import java.util.Map;

import com.switchboard.tenancy.CustomerId;

/**
 * What the customer's sites still hold, told by each module that puts things on a site (devices,
 * users, numbers): the site pages say why a site cannot be deleted, and what to do, before anyone
 * is asked to confirm a deletion.
 */
public interface SiteUsage {

    /** {@code devices}, {@code users} or {@code numbers}: the list page to link to and the message to show. */
    String kind();

    /** How many of this kind each site holds; a site that holds none is left out. */
    Map<SiteId, Long> countsBySite(CustomerId customerId);
}
