package com.switchboard.user;

import com.switchboard.tenancy.CustomerId;

/** A user (a person who gets phones and numbers) was created. */
public record UserCreated(CustomerId customerId, UserId userId) {
}
