package com.switchboard.number;

import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserId;

/** A phone number was taken back from its user, by hand or because the user is being removed. */
public record NumberUnassigned(CustomerId customerId, NumberId numberId, String e164, UserId userId) {
}
