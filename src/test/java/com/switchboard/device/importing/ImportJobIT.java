package com.switchboard.device.importing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.switchboard.SwitchboardTest;
import com.switchboard.importing.ImportSettings;
import com.switchboard.tenancy.CustomerId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The import as a job in PostgreSQL: it survives a dead worker and never runs twice. */
@SwitchboardTest
class ImportJobIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportRepository repository;

    @Autowired
    DeviceImporter importer;

    @Autowired
    ImportSettings settings;

    ImportFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = ImportFixture.create(port);
    }

    long devices() {
        return jdbc.sql("select count(*) from device where customer_id = :c").param("c", fixture.customer).query(Long.class).single();
    }

    @Test
    void aJobLeftHalfDoneByADeadWorkerIsRunAgainAndImportsExactlyTheFile() {
        byte[] file = (ImportFixture.HEADER + ImportFixture.validRows(300)).getBytes(StandardCharsets.UTF_8);
        // What a worker that died in the middle of the import leaves: IMPORTING, counters half way, an expired
        // lease; its uncommitted devices are gone with its connection.
        long id = jdbc.sql("""
                insert into device_import (customer_id, file_name, file_size, status, total_rows, processed_rows, added_count,
                                           started_at, claimed_by, claimed_until, attempts)
                values (:customer, 'crashed.csv', :size, 'IMPORTING', 300, 300, 150, now() - interval '2 minutes',
                        'dead-worker', now() - interval '1 minute', 1)
                returning id
                """).param("customer", fixture.customer).param("size", file.length).query(Long.class).single();
        jdbc.sql("insert into device_import_file (import_id, content) values (:id, :content)")
                .param("id", id).param("content", file).update();

        JsonNode done = fixture.await(id);

        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("addedCount").asInt()).isEqualTo(300);
        assertThat(devices()).isEqualTo(300);
        assertThat(jdbc.sql("select attempts from device_import where id = :id").param("id", id).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void aJobWhoseWorkerStillHoldsItsLeaseIsLeftAlone() {
        byte[] file = (ImportFixture.HEADER + ImportFixture.validRows(5)).getBytes(StandardCharsets.UTF_8);
        long id = jdbc.sql("""
                insert into device_import (customer_id, file_name, file_size, status, claimed_by, claimed_until, attempts)
                values (:customer, 'busy.csv', :size, 'VALIDATING', 'live-worker', now() + interval '1 hour', 1)
                returning id
                """).param("customer", fixture.customer).param("size", file.length).query(Long.class).single();
        jdbc.sql("insert into device_import_file (import_id, content) values (:id, :content)")
                .param("id", id).param("content", file).update();

        ImportFixture.sleep(2500);

        assertThat(jdbc.sql("select status || ' ' || claimed_by from device_import where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("VALIDATING live-worker");
        assertThat(devices()).isZero();
        // Tidy up: let the job be taken over now.
        jdbc.sql("update device_import set claimed_until = now() - interval '1 second' where id = :id").param("id", id).update();
        assertThat(fixture.await(id).get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void workersSharingTheDatabaseNeverRunAJobTwice() throws Exception {
        int jobs = 8;
        int rows = 200;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            byte[] file = (ImportFixture.HEADER + ImportFixture.validRows(rows)).getBytes(StandardCharsets.UTF_8);
            ids.add(repository.insert(new CustomerId(fixture.customer), "part-" + i + ".csv", file, null));
        }
        // Four more workers, as in other instances of the application, race the application's own for the jobs.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                DeviceImportWorker worker = new DeviceImportWorker(repository, importer, settings);
                runs.add(pool.submit(() -> {
                    int ran = 0;
                    while (worker.runOne()) {
                        ran++;
                    }
                    return ran;
                }));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        for (long id : ids) {
            JsonNode done = fixture.await(id);
            assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(done.get("addedCount").asInt()).isEqualTo(rows);
        }
        assertThat(devices()).isEqualTo((long) jobs * rows);
        assertThat(jdbc.sql("select count(*) from device_import where id in (:ids) and attempts = 1").param("ids", ids)
                .query(Long.class).single()).isEqualTo(jobs);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'device-import.completed' and object_id in (:ids)
                """).param("ids", ids.stream().map(String::valueOf).toList()).query(Long.class).single()).isEqualTo(jobs);
    }
}
