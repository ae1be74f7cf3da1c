package com.switchboard.security;

import java.time.Instant;

import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.Role;

/** An administrator account as pages and the API show it; never its password. */
public record AdminAccount(long id, String email, String name, Role role, CustomerId customerId, Instant createdAt) {
}
