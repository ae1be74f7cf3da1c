package com.switchboard.tenancy;

public enum Role {
    /** Runs the whole platform: customers, the device catalogue, and acts inside any customer. */
    PROVIDER_ADMIN,
    /** Runs one customer. */
    CUSTOMER_ADMIN
}
