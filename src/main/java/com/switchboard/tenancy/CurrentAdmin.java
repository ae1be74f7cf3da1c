package com.switchboard.tenancy;

import java.io.Serializable;

/** The signed-in administrator, as every module sees it. */
public record CurrentAdmin(long id, String email, String name, Role role, CustomerId customerId) implements Serializable {

    public CurrentAdmin {
        if ((role == Role.PROVIDER_ADMIN) != (customerId == null)) {
            throw new IllegalArgumentException("A provider admin has no customer, a customer admin has one");
        }
    }

    public boolean isProvider() {
        return role == Role.PROVIDER_ADMIN;
    }

    /** Implemented by the authentication principal, so that this module need not know its type. */
    public interface Holder {
        CurrentAdmin currentAdmin();
    }
}
