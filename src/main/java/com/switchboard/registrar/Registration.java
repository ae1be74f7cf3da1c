package com.switchboard.registrar;

import java.time.Instant;

/**
 * A device's registration as the portal shows it: registered now (the phone's contact, the address
 * it registered from, its user agent, when the registration expires), or not, with the last time it
 * was seen registered (null if never).
 */
public record Registration(boolean registered, String contact, String address, String userAgent, Instant expiresAt,
                           Instant lastRegisteredAt) {

    static final Registration NEVER = new Registration(false, null, null, null, null, null);

    static Registration lastSeen(Instant at) {
        return at == null ? NEVER : new Registration(false, null, null, null, null, at);
    }
}
