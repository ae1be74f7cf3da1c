package com.switchboard.provisioning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Misses per client address: more than {@code maxMisses} within {@code window} and the address gets
 * 429 until the window ends. The count is shared by every server through {@code provisioning_miss},
 * but a request never waits for the database: each server counts in memory and, once a second, adds
 * its new misses to the shared row and reads the total back. An address's decision is the last-known
 * shared total plus this server's misses not written yet, so the limit is exact on one server (the
 * miss that goes over it is itself answered 429, also under concurrency) and several servers let
 * through at most what the others counted in the last second.
 */
@Component
class MissThrottle {

    /** Past this many addresses in memory, the counts start again from the shared table. */
    private static final int MAX_ADDRESSES = 100_000;

    private final ProvisioningRepository repository;
    private final int maxMisses;
    private final Duration window;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    MissThrottle(ProvisioningRepository repository, @Value("${switchboard.provisioning.max-misses}") int maxMisses,
                 @Value("${switchboard.provisioning.miss-window}") Duration window) {
        this.repository = repository;
        this.maxMisses = maxMisses;
        this.window = window;
    }

    /** One address: the shared total last read, the misses counted here since, and the window they fall in. */
    private final class Count {
        final AtomicInteger unwritten = new AtomicInteger();
        volatile int shared;
        volatile long windowEnds;

        Count(long now) {
            windowEnds = now + window.toMillis();
        }

        int total() {
            return shared + unwritten.get();
        }

        synchronized void restartIfOver(long now) {
            if (now >= windowEnds) {
                shared = 0;
                unwritten.set(0);
                windowEnds = now + window.toMillis();
            }
        }

        long retryAfterSeconds(long now) {
            return Math.max(1, (windowEnds - now + 999) / 1000);
        }
    }

    /** Seconds until the address may ask again, when it is throttled. */
    Optional<Long> retryAfter(String address) {
        Count count = counts.get(address);
        if (count == null) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        if (now >= count.windowEnds || count.total() < maxMisses) {
            return Optional.empty();
        }
        return Optional.of(count.retryAfterSeconds(now));
    }

    /** Counts a miss: empty when it is within the limit, else the seconds the address must wait. */
    Optional<Long> miss(String address) {
        long now = System.currentTimeMillis();
        Count count = counts.get(address);
        if (count == null) {
            if (counts.size() >= MAX_ADDRESSES) {
                counts.clear();
            }
            count = counts.computeIfAbsent(address, a -> new Count(now));
        }
        count.restartIfOver(now);
        if (count.shared + count.unwritten.incrementAndGet() > maxMisses) {
            return Optional.of(count.retryAfterSeconds(now));
        }
        return Optional.empty();
    }

    /**
     * Adds this server's new misses to the shared counts and reads back the totals, the other
     * servers' misses included; forgets the addresses whose window is over.
     */
    @Scheduled(fixedDelay = 1000)
    void flush() {
        long now = System.currentTimeMillis();
        List<String> addresses = new ArrayList<>();
        List<Integer> added = new ArrayList<>();
        List<String> quiet = new ArrayList<>();
        counts.forEach((address, count) -> {
            if (now >= count.windowEnds) {
                counts.remove(address, count);
            } else if (count.unwritten.get() > 0) {
                addresses.add(address);
                added.add(count.unwritten.get());
            } else if (count.shared < maxMisses) {
                quiet.add(address);
            }
        });
        for (int i = 0; i < addresses.size(); i++) {
            Count count = counts.get(addresses.get(i));
            int n = added.get(i);
            ProvisioningRepository.Misses total = repository.countMisses(addresses.get(i), n, window);
            if (count != null) {
                learn(count, total);
                count.unwritten.updateAndGet(v -> Math.max(0, v - n));
            }
        }
        if (!quiet.isEmpty()) {
            repository.misses(quiet, window).forEach((address, total) -> {
                Count count = counts.get(address);
                if (count != null) {
                    learn(count, total);
                }
            });
        }
    }

    private void learn(Count count, ProvisioningRepository.Misses total) {
        count.shared = total.count();
        count.windowEnds = total.windowStart().plus(window).toEpochMilli();
    }
}
