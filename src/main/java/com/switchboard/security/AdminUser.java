package com.switchboard.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.switchboard.tenancy.CurrentAdmin;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The authentication principal: Spring Security's user with the admin it stands for. */
class AdminUser extends User implements CurrentAdmin.Holder {

    private final CurrentAdmin admin;
    private final Instant tokenExpiresAt;

    AdminUser(CurrentAdmin admin, String passwordHash) {
        this(admin, passwordHash, null);
    }

    /** Signed in with an API token that expires then: what it mints may not outlive it. */
    AdminUser(CurrentAdmin admin, String passwordHash, Instant tokenExpiresAt) {
        super(admin.email(), passwordHash == null ? "" : passwordHash,
                List.of(new SimpleGrantedAuthority("ROLE_" + admin.role().name())));
        this.admin = admin;
        this.tokenExpiresAt = tokenExpiresAt;
    }

    Optional<Instant> tokenExpiresAt() {
        return Optional.ofNullable(tokenExpiresAt);
    }

    @Override
    public CurrentAdmin currentAdmin() {
        return admin;
    }
}
