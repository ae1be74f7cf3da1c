package com.switchboard.number;

import java.time.Instant;

/** A phone number in the API's answers: E.164, and as written in its country. */
public record NumberBody(long id, String e164, String nationalFormat, long siteId, String siteName, String status,
                         Long assignedUserId, String assignedUserName, Instant createdAt) {

    public static NumberBody of(NumberView n) {
        return new NumberBody(n.id().value(), n.number().e164(), n.number().national(), n.siteId().value(), n.siteName(),
                n.status(), n.assignedUserId() == null ? null : n.assignedUserId().value(), n.assignedUserName(),
                n.createdAt());
    }
}
