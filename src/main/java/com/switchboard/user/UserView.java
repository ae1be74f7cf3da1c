package com.switchboard.user;

import java.time.Instant;

import com.switchboard.site.SiteId;
import com.switchboard.tenancy.CustomerId;

/** A user as pages and the API show it. */
public record UserView(UserId id, CustomerId customerId, SiteId siteId, String siteName, String firstName,
                       String lastName, String email, String extension, String language, Instant createdAt) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}
