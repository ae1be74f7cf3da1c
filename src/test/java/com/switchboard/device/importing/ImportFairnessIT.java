package com.switchboard.device.importing;

import java.time.Duration;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import com.switchboard.importing.ImportJobs;
import com.switchboard.tenancy.CustomerId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A customer's file is not held behind another customer's queue: the next job goes to whoever is not served. */
@SwitchboardTest
class ImportFairnessIT {

    @LocalServerPort
    int port;

    @Autowired
    ImportRepository repository;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theNextJobGoesToTheCustomerWithNothingRunningEvenIfItsFileCameLast() {
        ApiClient provider = ApiClient.provider(port);
        CustomerId busy = new CustomerId(TestData.customer(provider, "CA"));
        CustomerId small = new CustomerId(TestData.customer(provider, "CA"));
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        // In one transaction that is rolled back, so that the running workers never see these jobs.
        transaction.executeWithoutResult(status -> {
            long running = repository.insert(busy, "big-1.csv", new byte[]{'x'}, null);
            jdbc.sql("update device_import set status = 'IMPORTING', claimed_until = now() + interval '1 minute', started_at = now()"
                    + " where id = :id").param("id", running).update();
            for (int i = 2; i <= 6; i++) {
                repository.insert(busy, "big-" + i + ".csv", new byte[]{'x'}, null);
            }
            long last = repository.insert(small, "one-row.csv", new byte[]{'x'}, null);

            ImportJobs.Claim next = repository.claim("fairness-test", Duration.ofSeconds(30)).orElseThrow();

            assertThat(next.customerId()).isEqualTo(small);
            assertThat(next.id()).isEqualTo(last);
            status.setRollbackOnly();
        });
    }
}
