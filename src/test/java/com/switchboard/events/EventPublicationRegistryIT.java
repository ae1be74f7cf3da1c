package com.switchboard.events;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.switchboard.SwitchboardTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Side effects after commit go through Spring Modulith's publication registry in PostgreSQL: a
 * publication is written with the change, completed when its listener has run, and kept when the
 * listener fails, to be run again (at restart, or when resubmitted).
 */
@SwitchboardTest
class EventPublicationRegistryIT {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    RegistryProbe probe;

    @Test
    void aFailedSideEffectIsKeptAndRunAgain() throws InterruptedException {
        String ok = UUID.randomUUID().toString();
        String failing = UUID.randomUUID().toString();
        probe.failFor(failing);

        transactions.executeWithoutResult(s -> {
            events.publishEvent(new RegistryProbe.Happened(ok));
            events.publishEvent(new RegistryProbe.Happened(failing));
        });

        waitUntil(() -> probe.done(ok) && completed(ok) && !pending(failing).isEmpty());
        assertThat(completed(ok)).isTrue();
        assertThat(probe.done(failing)).isFalse();
        assertThat(pending(failing)).hasSize(1);

        probe.succeedFor(failing);
        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof RegistryProbe.Happened h
                && h.key().equals(failing));
        waitUntil(() -> probe.done(failing) && completed(failing));
        assertThat(probe.done(failing)).isTrue();
        assertThat(pending(failing)).isEmpty();
    }

    /** The publication's row, read as the registry stores it: the event serialized as JSON. */
    private boolean completed(String key) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like :key and completion_date is not null")
                .param("key", "%" + key + "%").query(Long.class).single() == 1;
    }

    private List<String> pending(String key) {
        return jdbc.sql("select listener_id from event_publication where serialized_event like :key and completion_date is null")
                .param("key", "%" + key + "%").query(String.class).list();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
