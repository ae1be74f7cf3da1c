package com.switchboard.user;

import com.switchboard.tenancy.CustomerId;

/** A user's details (name, email, extension, site, language) were changed. */
public record UserChanged(CustomerId customerId, UserId userId) {
}
