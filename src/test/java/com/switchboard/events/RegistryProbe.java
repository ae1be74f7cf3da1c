package com.switchboard.events;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A side effect after commit, as the modules' own will be: it fails for the keys it is told to, so
 * that a test can see the registry keep the publication and run it again.
 */
@Component
class RegistryProbe {

    record Happened(String key) {
    }

    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> done = ConcurrentHashMap.newKeySet();

    // Methods, not fields: the listener is a proxy (its own transaction), whose fields are not the bean's.
    public void failFor(String key) {
        failing.add(key);
    }

    public void succeedFor(String key) {
        failing.remove(key);
    }

    public boolean done(String key) {
        return done.contains(key);
    }

    @ApplicationModuleListener
    void on(Happened event) {
        if (failing.contains(event.key())) {
            throw new IllegalStateException("side effect failed for " + event.key());
        }
        done.add(event.key());
    }
}
