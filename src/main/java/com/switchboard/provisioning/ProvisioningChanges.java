package com.switchboard.provisioning;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.switchboard.catalog.DeviceModelChanged;
import com.switchboard.device.DeviceAdded;
import com.switchboard.device.DeviceAssigned;
import com.switchboard.device.DeviceMoved;
import com.switchboard.device.DeviceRemoved;
import com.switchboard.device.DeviceUnassigned;
import com.switchboard.device.DevicesAssigned;
import com.switchboard.device.DevicesImported;
import com.switchboard.number.NumberAssigned;
import com.switchboard.number.NumberRemoved;
import com.switchboard.number.NumberUnassigned;
import com.switchboard.number.NumbersAssigned;
import com.switchboard.site.SiteChanged;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserChanged;
import com.switchboard.user.UserRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the files and keys held in memory true to the database, on every server. A transaction that
 * changes what a customer's phones are served (the events below, a password reset, a key rotation)
 * writes one {@code provisioning_change} row just before it commits; this server forgets the
 * customer's files once it has committed, and every server reads the change rows of the last minute
 * once a second and forgets those of the changes it has not seen yet. So another server serves the
 * old file for at most about a second after the commit (the poll interval and the poll's query).
 */
@Component
class ProvisioningChanges {

    /** A change of the whole platform (a catalogue model): stored with this customer id. */
    private static final long EVERYONE = 0;

    private final JdbcClient jdbc;
    private final PhoneFiles files;
    private final CustomerKeys keys;
    /** Ids of the change rows already acted on, among those of the last minute. */
    private final Set<Long> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ProvisioningChanges(JdbcClient jdbc, PhoneFiles files, CustomerKeys keys) {
        this.jdbc = jdbc;
        this.files = files;
        this.keys = keys;
    }

    @EventListener
    void on(DeviceAdded event) {
        changed(event.customerId());
    }

    @EventListener
    void on(DevicesImported event) {
        changed(event.customerId());
    }

    @EventListener
    void on(DeviceMoved event) {
        changed(event.customerId());
    }

    @EventListener
    void on(DeviceRemoved event) {
        changed(event.customerId());
    }

    @EventListener
    void on(DeviceAssigned event) {
        changed(event.customerId());
    }

    @EventListener
    void on(DevicesAssigned event) {
        changed(event.customerId());
    }

    @EventListener
    void on(DeviceUnassigned event) {
        changed(event.customerId());
    }

    @EventListener
    void on(UserChanged event) {
        changed(event.customerId());
    }

    @EventListener
    void on(UserRemoved event) {
        changed(event.customerId());
    }

    @EventListener
    void on(NumberAssigned event) {
        changed(event.customerId());
    }

    @EventListener
    void on(NumbersAssigned event) {
        changed(event.customerId());
    }

    @EventListener
    void on(NumberUnassigned event) {
        changed(event.customerId());
    }

    /** A number removed while assigned leaves its user's files. */
    @EventListener
    void on(NumberRemoved event) {
        changed(event.customerId());
    }

    @EventListener
    void on(SiteChanged event) {
        changed(event.customerId());
    }

    /** A model's name is written in some files, and its family decides which files a phone gets. */
    @EventListener
    void on(DeviceModelChanged event) {
        changed(EVERYONE);
    }

    /** What a customer's phones are served changed in the current transaction (or just now, without one). */
    void changed(CustomerId customerId) {
        changed(customerId.value());
    }

    private void changed(long customerId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            seen.add(record(customerId));
            forget(customerId);
            return;
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Pending pending) {
                pending.customers.add(customerId);
                return;
            }
        }
        Pending pending = new Pending();
        pending.customers.add(customerId);
        TransactionSynchronizationManager.registerSynchronization(pending);
    }

    /** The customers one transaction changed: written last, forgotten here once committed. */
    private final class Pending implements TransactionSynchronization {

        final Set<Long> customers = new HashSet<>();
        final List<Long> ids = new java.util.ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            for (long customer : customers) {
                ids.add(record(customer));
            }
        }

        @Override
        public void afterCommit() {
            seen.addAll(ids);
            customers.forEach(ProvisioningChanges.this::forget);
        }
    }

    private long record(long customerId) {
        return jdbc.sql("insert into provisioning_change (customer_id) values (:customerId) returning id")
                .param("customerId", customerId).query(Long.class).single();
    }

    private void forget(long customerId) {
        if (customerId == EVERYONE) {
            files.forgetAll();
            keys.reloadAll();
        } else {
            CustomerId customer = new CustomerId(customerId);
            files.forget(customer);
            keys.reload(customer);
        }
    }

    /** The changes other servers committed (and this one's, already acted on: skipped). */
    @Scheduled(fixedDelay = 1000)
    void poll() {
        Set<Long> recent = new HashSet<>();
        jdbc.sql("select id, customer_id from provisioning_change where at > clock_timestamp() - interval '1 minute'")
                .query(rs -> {
                    long id = rs.getLong("id");
                    recent.add(id);
                    if (!seen.contains(id)) {
                        seen.add(id);
                        forget(rs.getLong("customer_id"));
                    }
                });
        seen.retainAll(recent);
    }

    @Scheduled(fixedDelay = 300_000, initialDelay = 60_000)
    void trim() {
        jdbc.sql("delete from provisioning_change where at < now() - interval '10 minutes'").update();
    }
}
