package com.switchboard.user;

import java.time.Instant;

/** A user in the API's answers. */
public record UserBody(long id, String firstName, String lastName, String email, long siteId, String siteName,
                       String extension, String language, Instant createdAt) {

    public static UserBody of(UserView u) {
        return new UserBody(u.id().value(), u.firstName(), u.lastName(), u.email(), u.siteId().value(), u.siteName(),
                u.extension(), u.language(), u.createdAt());
    }
}
