package com.switchboard.security;

import java.util.List;

import com.switchboard.tenancy.CurrentAdmin;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The authentication principal: Spring Security's user with the admin it stands for. */
class AdminUser extends User implements CurrentAdmin.Holder {

    private final CurrentAdmin admin;

    AdminUser(CurrentAdmin admin, String passwordHash) {
        super(admin.email(), passwordHash == null ? "" : passwordHash,
                List.of(new SimpleGrantedAuthority("ROLE_" + admin.role().name())));
        this.admin = admin;
    }

    @Override
    public CurrentAdmin currentAdmin() {
        return admin;
    }
}
