package com.switchboard.provisioning;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.switchboard.tenancy.CustomerId;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every customer's provisioning key, held in memory so that a fetch, and above all a miss with a
 * made-up key, costs no database query. Loaded whole on first use and every five minutes; one
 * customer's entry is read again as soon as {@link ProvisioningChanges} says that it changed (a
 * rotation, a first key): on this server when the rotation commits, on the others within about a
 * second (their next poll of {@code provisioning_change}).
 */
@Component
class CustomerKeys {

    private final LineRepository repository;
    /** Replaced whole by a full load; changed in place, under the same lock, for one customer. */
    private volatile Map<String, CustomerSip> byKey;
    private final Map<CustomerId, String> keyOf = new HashMap<>();

    CustomerKeys(LineRepository repository) {
        this.repository = repository;
    }

    Optional<CustomerSip> find(String key) {
        Map<String, CustomerSip> keys = byKey;
        if (keys == null) {
            keys = loadAll();
        }
        return Optional.ofNullable(keys.get(key));
    }

    /** The safety net behind the change notices: a full read every five minutes. */
    @Scheduled(fixedDelay = 300_000, initialDelay = 300_000)
    synchronized Map<String, CustomerSip> loadAll() {
        Map<String, CustomerSip> keys = new java.util.concurrent.ConcurrentHashMap<>();
        keyOf.clear();
        for (CustomerSip sip : repository.allSips()) {
            keys.put(sip.provisioningKey(), sip);
            keyOf.put(sip.customerId(), sip.provisioningKey());
        }
        byKey = keys;
        return keys;
    }

    /** Reads one customer's key again, after a change committed. */
    synchronized void reload(CustomerId customerId) {
        Map<String, CustomerSip> keys = byKey;
        if (keys == null) {
            return;
        }
        String old = keyOf.remove(customerId);
        if (old != null) {
            keys.remove(old);
        }
        repository.findSip(customerId).ifPresent(sip -> {
            keys.put(sip.provisioningKey(), sip);
            keyOf.put(customerId, sip.provisioningKey());
        });
    }

    /** Every customer's key again (a change of the whole platform). */
    void reloadAll() {
        if (byKey != null) {
            loadAll();
        }
    }
}
