package com.switchboard.database;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.switchboard.ApiClient;
import com.switchboard.PageClient;
import com.switchboard.SwitchboardApplication;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two portals on one PostgreSQL, as behind a load balancer: a session started on one is used on the
 * other, the sign-in throttle is shared, an import is claimed by one of them only once, and a caller's
 * limit on heavy requests holds across both.
 */
@SwitchboardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoPortalsIT {

    @LocalServerPort
    int port;

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    ConfigurableApplicationContext second;
    int secondPort;

    @BeforeAll
    void startASecondPortal() {
        second = new SpringApplicationBuilder(SwitchboardApplication.class).profiles("test").properties(Map.of(
                "server.port", "0",
                "spring.datasource.url", dataSource.getJdbcUrl(),
                "spring.datasource.username", dataSource.getUsername(),
                "spring.datasource.password", dataSource.getPassword(),
                "spring.datasource.hikari.maximum-pool-size", "5",
                "switchboard.sign-in.failures-per-address", "100000")).run();
        secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
    }

    @AfterAll
    void stopIt() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aSessionStartedOnOnePortalIsUsedOnTheOther() throws Exception {
        PageClient first = new PageClient(port).signIn(ApiClient.PROVIDER_EMAIL, ApiClient.PROVIDER_PASSWORD);

        PageClient other = new PageClient(secondPort).withCookie("SESSION", first.session());

        assertThat(other.get("/customers").statusCode()).isEqualTo(200);
        assertThat(new PageClient(secondPort).get("/customers").statusCode()).isEqualTo(302);
    }

    @Test
    void theSignInThrottleIsShared() {
        ApiClient provider = ApiClient.provider(port);
        String email = TestData.customerAdminAccount(provider, TestData.customer(provider, "CA"));
        for (int i = 0; i < 5; i++) {
            int portal = i % 2 == 0 ? port : secondPort;
            ApiClient.Response wrong = ApiClient.anonymous(portal).send("POST", "/api/v1/tokens", Map.of("name", "guess"),
                    Map.of("Authorization", ApiClient.basic(email, "guess-" + i), "X-Forwarded-For", "198.51.100.40"));
            assertThat(wrong.status()).isEqualTo(401);
        }

        ApiClient.Response onFirst = ApiClient.anonymous(port).send("POST", "/api/v1/tokens", Map.of("name", "right"),
                Map.of("Authorization", ApiClient.basic(email, TestData.PASSWORD), "X-Forwarded-For", "198.51.100.40"));
        ApiClient.Response onSecond = ApiClient.anonymous(secondPort).send("POST", "/api/v1/tokens", Map.of("name", "right"),
                Map.of("Authorization", ApiClient.basic(email, TestData.PASSWORD), "X-Forwarded-For", "198.51.100.40"));

        assertThat(onFirst.status()).isEqualTo(429);
        assertThat(onSecond.status()).isEqualTo(429);
    }

    @Test
    void anImportIsClaimedOnceWhileBothPortalsWork() throws Exception {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");
        long site = TestData.site(provider, customer, "Montréal", "CA", "America/Toronto");
        String siteName = provider.get("/api/v1/customers/" + customer + "/sites/" + site).json().get("name").asString();
        String model = provider.get("/api/v1/customers/" + customer + "/sites/" + site + "/device-models")
                .json().get(0).get("displayName").asString();
        StringBuilder csv = new StringBuilder("Site,Device model,MAC address,Label\n");
        for (int i = 0; i < 40; i++) {
            csv.append(siteName).append(',').append(model).append(',').append(TestData.uniqueMac("805EC0")).append(",row ").append(i).append('\n');
        }

        ApiClient.Response submitted = provider.upload("/api/v1/customers/" + customer + "/device-imports", "file", "devices.csv",
                "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(submitted.status()).isEqualTo(202);
        long id = submitted.json().get("id").asLong();

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ApiClient.Response job;
        String status;
        do {
            Thread.sleep(200);
            job = ApiClient.provider(secondPort).get("/api/v1/customers/" + customer + "/device-imports/" + id);
            status = job.json().get("status").asString();
        } while (!Set.of("COMPLETED", "REJECTED", "FAILED").contains(status) && System.nanoTime() < deadline);

        assertThat(status).as(job.text()).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("select attempts from device_import where id = :id").param("id", id).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from device where customer_id = :c").param("c", customer).query(Long.class).single()).isEqualTo(40);
    }

    @Test
    void theLimitOnHeavyRequestsOfACallerIsSharedByBothPortals() throws Exception {
        ApiClient caller = ApiClient.signIn(port, ApiClient.PROVIDER_EMAIL, ApiClient.PROVIDER_PASSWORD);
        long customer = TestData.customer(caller, "CA");
        // One upload held open on each portal (headers sent, the body still coming): the caller's two heavy requests.
        try (Socket onFirst = uploadHeldOpen(port, customer, caller.token());
             Socket onSecond = uploadHeldOpen(secondPort, customer, caller.token())) {
            awaitLeases(customer, 2);
            String export = "/api/v1/customers/" + customer + "/devices.csv";
            ApiClient.Response third = ApiClient.withToken(secondPort, caller.token()).get(export);
            assertThat(third.status()).as("a third on the second portal").isEqualTo(429);
            assertThat(third.headers().get("retry-after")).isNotNull();
            assertThat(ApiClient.withToken(port, caller.token()).get(export).status()).as("or on the first").isEqualTo(429);
        }
        awaitLeases(customer, 0);
        assertThat(ApiClient.withToken(secondPort, caller.token()).get("/api/v1/customers/" + customer + "/devices.csv").status())
                .isEqualTo(200);
    }

    private static Socket uploadHeldOpen(int portal, long customer, String token) throws Exception {
        Socket socket = new Socket("127.0.0.1", portal);
        String head = "POST /api/v1/customers/" + customer + "/device-imports HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: multipart/form-data; boundary=held\r\n"
                + "Content-Length: 100000\r\n\r\n--held\r\n";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private void awaitLeases(long customer, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long leases;
        do {
            leases = jdbc.sql("select count(*) from heavy_request_lease where customer_key = :k and expires_at > now()")
                    .param("k", "customer:" + customer).query(Long.class).single();
            if (leases != expected) {
                Thread.sleep(100);
            }
        } while (leases != expected && System.nanoTime() < deadline);
        assertThat(leases).as("heavy requests of the customer running on the two portals").isEqualTo(expected);
    }
}
