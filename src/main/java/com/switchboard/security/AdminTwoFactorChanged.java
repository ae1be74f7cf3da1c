package com.switchboard.security;

import com.switchboard.audit.Audited;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/**
 * An administrator's two-factor sign-in was turned on (a first code confirmed) or off (by them,
 * or reset by a provider admin). The secret and the recovery codes are never part of the event.
 */
public record AdminTwoFactorChanged(CustomerId customerId, long adminId, String email, boolean enabled, Actor actor)
        implements Audited {

    @Override
    public Entry auditEntry() {
        return Entry.of(enabled ? "admin.two-factor.enabled" : "admin.two-factor.disabled", "admin", adminId, email);
    }
}
