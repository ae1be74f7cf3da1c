package com.switchboard.site;

import java.time.Instant;

import com.switchboard.tenancy.CustomerId;

/** A place of a customer where phones are installed; its country decides which models are sold there. */
public record Site(SiteId id, CustomerId customerId, String name, String address, String country, String region,
                   String timeZone, String language, Instant createdAt) {
}
