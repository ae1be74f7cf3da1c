package com.switchboard.number;

import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserId;

/** A phone number was given to a user. */
public record NumberAssigned(CustomerId customerId, NumberId numberId, String e164, UserId userId) {
}
