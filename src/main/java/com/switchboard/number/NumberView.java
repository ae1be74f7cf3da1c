package com.switchboard.number;

import java.time.Instant;

import com.switchboard.site.SiteId;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserId;

/** A phone number as pages and the API show it; the assigned user, if any, with the name to show. */
public record NumberView(NumberId id, CustomerId customerId, SiteId siteId, String siteName, PhoneNumber number,
                         UserId assignedUserId, String assignedUserName, Instant createdAt) {

    public boolean available() {
        return assignedUserId == null;
    }

    public String status() {
        return available() ? "AVAILABLE" : "ASSIGNED";
    }
}
