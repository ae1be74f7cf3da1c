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
        long now = System.nanoTime();
        Clear clear = recentlyClear.get(address);
        if (clear != null && clear.until() - now > 0) {
            return Optional.empty();
        }
        Optional<Long> retryAfter = repository.misses(address, window)
                .filter(m -> m.count() >= maxMisses)
                .map(m -> Math.max(1, Duration.between(Instant.now(), m.windowStart().plus(window)).toSeconds()));
        if (retryAfter.isEmpty()) {
            if (recentlyClear.size() >= 10_000) {
                recentlyClear.clear();
            }
            recentlyClear.put(address, new Clear(now + CLEAR_FOR.toNanos()));
        }
        return retryAfter;
    }

    void count(String address) {
        // A miss ends the grace: the next request of this address reads the shared count again.
        recentlyClear.remove(address);
        repository.countMiss(address, window);
    }

    /**
     * An address found under the limit is not asked about again for a second, as long as it does not
     * miss: phones that only hit (a boot storm) cost no read of the count.
     */
    private static final Duration CLEAR_FOR = Duration.ofSeconds(1);

    private record Clear(long until) {
    }

    private final java.util.Map<String, Clear> recentlyClear = new java.util.concurrent.ConcurrentHashMap<>();
}
