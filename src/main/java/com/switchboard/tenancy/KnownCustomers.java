package com.switchboard.tenancy;

/**
 * Whether a customer exists, for the modules that the customer module itself depends on (the audit log):
 * the customer module answers it, so that none of them reads its table.
 */
public interface KnownCustomers {

    boolean exists(CustomerId customerId);
}
