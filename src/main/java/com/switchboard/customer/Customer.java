package com.switchboard.customer;

import java.time.Instant;

import com.switchboard.tenancy.CustomerId;

/** A company that buys the calling service: the tenant every customer-scoped object belongs to. */
public record Customer(CustomerId id, String name, String country, String language, Instant createdAt) {
}
