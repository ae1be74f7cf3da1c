package com.switchboard.tenancy;

/**
 * Who made a change, as the events that announce it carry it: the signed-in admin and the address
 * the request came from, or the system itself (a job, the first start, the demo data).
 */
public record Actor(Long adminId, String email, String remoteAddr) {

    public static final String SYSTEM_EMAIL = "system";

    public Actor {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("An actor has an email, or is the system");
        }
    }

    public static Actor system() {
        return new Actor(null, SYSTEM_EMAIL, null);
    }

    /** An admin acting outside any request (the import job acts for whoever uploaded the file). */
    public static Actor of(CurrentAdmin admin, String remoteAddr) {
        return admin == null ? system() : new Actor(admin.id(), admin.email(), remoteAddr);
    }
}
