package com.switchboard.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.switchboard.device.DeviceId;
import com.switchboard.device.MacAddress;
import com.switchboard.tenancy.CustomerId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The fetch log, written in batches: a fetch is queued in memory and the queue is written once a
 * second in one statement, so that a boot storm costs one insert per second and not one per phone.
 * The queue is bounded; under a flood the excess is not logged (the log shows the latest fetches,
 * not an audit trail). A phone that asks for the same file from the same address with the same
 * answer is logged once a minute: a phone in a boot loop, or a boot storm, is not a write storm.
 */
@Component
class FetchLog {

    static final int MAX_QUEUED = 20_000;
    static final int KEEP_PER_CUSTOMER = 1_000;

    record Entry(CustomerId customerId, String address, String userAgent, MacAddress mac, String file, int status,
                 DeviceId deviceId) {
    }

    static final long SAME_FETCH_MILLIS = 60_000;
    private static final int MAX_REMEMBERED = 200_000;

    private final Queue<Entry> queue = new ConcurrentLinkedQueue<>();
    /** When each fetch (the entry itself is the key: customer, address, agent, MAC, file, answer) was last queued. */
    private final java.util.Map<Entry, Long> lastQueued = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final JdbcTemplate jdbc;
    private final ProvisioningRepository repository;

    FetchLog(JdbcTemplate jdbc, ProvisioningRepository repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    void add(Entry entry) {
        long now = System.currentTimeMillis();
        Long last = lastQueued.get(entry);
        if (last != null && now - last < SAME_FETCH_MILLIS) {
            return;
        }
        if (lastQueued.size() >= MAX_REMEMBERED) {
            lastQueued.clear();
        }
        lastQueued.put(entry, now);
        if (size.incrementAndGet() > MAX_QUEUED) {
            size.decrementAndGet();
            return;
        }
        queue.add(entry);
    }

    /** Synchronized: a reader that flushes first waits for a batch the scheduler is writing. */
    @Scheduled(fixedDelay = 1000)
    synchronized void flush() {
        List<Entry> batch = new ArrayList<>();
        for (Entry entry; batch.size() < 5_000 && (entry = queue.poll()) != null; ) {
            size.decrementAndGet();
            batch.add(entry);
        }
        if (batch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                        insert into provisioning_fetch (customer_id, address, user_agent, mac, file, status, device_id)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """, batch, batch.size(), (ps, e) -> {
                    ps.setLong(1, e.customerId().value());
                    ps.setString(2, e.address());
                    ps.setString(3, e.userAgent() == null || e.userAgent().length() <= 300 ? e.userAgent() : e.userAgent().substring(0, 300));
                    ps.setString(4, e.mac() == null ? null : e.mac().value());
                    ps.setString(5, e.file().length() <= 120 ? e.file() : e.file().substring(0, 120));
                    ps.setInt(6, e.status());
                    if (e.deviceId() == null) {
                        ps.setNull(7, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(7, e.deviceId().value());
                    }
                });
    }

    @Scheduled(fixedDelay = 10_000)
    void forgetOldFetches() {
        long now = System.currentTimeMillis();
        lastQueued.values().removeIf(at -> now - at >= SAME_FETCH_MILLIS);
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void trim() {
        repository.trimFetches(KEEP_PER_CUSTOMER);
    }
}
