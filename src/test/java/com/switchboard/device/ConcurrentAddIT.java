package com.switchboard.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform-wide uniqueness of a MAC holds when many clients add the same one at the same moment. */
@SwitchboardTest
class ConcurrentAddIT {

    private static final int CLIENTS = 20;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twentyConcurrentAddsOfOneMacGiveOneDeviceAndNineteenConflicts() throws Exception {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");
        ApiClient admin = TestData.customerAdmin(port, provider, customer);
        long site = TestData.site(admin, customer, "Montréal", "CA", "America/Toronto");
        long model = TestData.model(admin, "Yealink T46U");
        String mac = TestData.uniqueMac("805EC0");
        Map<String, Object> body = Map.of("siteId", site, "modelId", model, "macAddress", mac);

        CountDownLatch ready = new CountDownLatch(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int i = 0; i < CLIENTS; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return admin.post("/api/v1/customers/" + customer + "/devices", body);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> conflictCodes = new ArrayList<>();
            for (Future<ApiClient.Response> answer : answers) {
                ApiClient.Response response = answer.get(60, TimeUnit.SECONDS);
                statuses.add(response.status());
                if (response.status() == 409) {
                    conflictCodes.add(response.code());
                }
            }

            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(CLIENTS - 1);
            assertThat(conflictCodes).containsOnly("device.mac.in-inventory");
        } finally {
            pool.shutdownNow();
        }

        assertThat(jdbc.sql("select count(*) from device where mac = :mac").param("mac", mac.replace(":", ""))
                .query(Long.class).single()).isOne();
    }
}
