package com.switchboard.provisioning;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Provisioning keys as phones present them, remembered for a few seconds so that a boot storm does
 * not ask the database for the same key thousands of times. Unknown keys are not remembered (a miss
 * storm of random keys would only fill the memory). A rotation forgets the old key on this server at
 * once; another server may still accept it for at most {@link #TTL}.
 */
@Component
class CustomerKeys {

    static final Duration TTL = Duration.ofSeconds(5);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(CustomerSip sip, long expiresAt) {
    }

    private final Map<String, Entry> known = new ConcurrentHashMap<>();
    private final LineRepository repository;

    CustomerKeys(LineRepository repository) {
        this.repository = repository;
    }

    Optional<CustomerSip> find(String key) {
        long now = System.nanoTime();
        Entry entry = known.get(key);
        if (entry != null && entry.expiresAt() - now > 0) {
            return Optional.of(entry.sip());
        }
        Optional<CustomerSip> found = repository.findSipByKey(key);
        if (found.isPresent()) {
            if (known.size() >= MAX_ENTRIES) {
                known.clear();
            }
            known.put(key, new Entry(found.get(), now + TTL.toNanos()));
        } else {
            known.remove(key);
        }
        return found;
    }

    void forget(String key) {
        known.remove(key);
    }
}
