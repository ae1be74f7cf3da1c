package com.switchboard.user;

import com.switchboard.tenancy.CustomerId;

/** A user was removed; their numbers and devices were freed first (each with its own event). */
public record UserRemoved(CustomerId customerId, UserId userId) {
}
