package com.switchboard.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Misses per client address: more than {@code maxMisses} within {@code window} and the address gets
 * 429 until the window ends. Counted in the database, so all servers share the count; once an
 * address is over the limit it is only read, never written again, until its window ends.
 */
@Component
class MissThrottle {

    private final ProvisioningRepository repository;
    private final int maxMisses;
    private final Duration window;

    MissThrottle(ProvisioningRepository repository, @Value("${switchboard.provisioning.max-misses}") int maxMisses,
                 @Value("${switchboard.provisioning.miss-window}") Duration window) {
        this.repository = repository;
        this.maxMisses = maxMisses;
        this.window = window;
    }

    /** Seconds until the address may ask again, when it is throttled. */
    Optional<Long> retryAfter(String address) {
        return repository.misses(address, window)
                .filter(m -> m.count() >= maxMisses)
                .map(m -> Math.max(1, Duration.between(Instant.now(), m.windowStart().plus(window)).toSeconds()));
    }

    void count(String address) {
        repository.countMiss(address, window);
    }
}
