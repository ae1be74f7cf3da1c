package com.switchboard.database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.switchboard.ApiClient;
import com.switchboard.PageClient;
import com.switchboard.SwitchboardTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.switchboard.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL keeps what it acknowledged, lets nobody in without a password, and
 * comes back by itself: killed, it is started again; frozen, the portal answers 503 and recovers.
 */
@SwitchboardTest
class EmbeddedDatabaseIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedDatabase database;

    @Value("${switchboard.embedded-postgres.data-dir}")
    String dataDir;

    @Test
    void thePortalConnectsAsAnOrdinaryRoleToADurableServerOnLoopback() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("switchboard");
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select pg_get_userbyid(nspowner) from pg_namespace where nspname = 'public'").query(String.class).single())
                .isEqualTo("switchboard");
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
    }

    @Test
    void theSuperuserNeedsTheGeneratedPasswordKeptOwnerReadOnly() throws Exception {
        Path passwordFile = Path.of(dataDir).resolve("switchboard-superuser.password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("r--------");
        assertThat(Files.readString(passwordFile).trim()).isEqualTo(database.superuserPassword()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(database.toString()).doesNotContain(database.superuserPassword());

        Properties noPassword = new Properties();
        noPassword.setProperty("user", database.superuser());
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), noPassword).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        Properties withPassword = new Properties();
        withPassword.setProperty("user", database.superuser());
        withPassword.setProperty("password", database.superuserPassword());
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), withPassword)) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    @Test
    void aKilledServerIsStartedAgainAndMeanwhileTheApiSays503() throws Exception {
        ApiClient provider = ApiClient.provider(port);
        assertThat(provider.get("/api/v1/me").status()).isEqualTo(200);

        signal("KILL", List.of(postmaster()));
        List<Integer> statuses = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        ApiClient.Response answer;
        boolean outageSeen = false;
        // Connections of a killed postmaster may answer for a moment before they notice: poll until the
        // outage shows as 503 and the restarted server answers again.
        do {
            answer = provider.get("/api/v1/device-models");
            statuses.add(answer.status());
            if (answer.status() == 503) {
                outageSeen = true;
                assertProblem(answer, 503, "database.unavailable");
                assertThat(answer.header("Retry-After")).isEqualTo("5");
            } else {
                assertThat(answer.status()).as("answers while the server is down: %s", statuses).isEqualTo(200);
            }
        } while (!(outageSeen && answer.status() == 200) && System.nanoTime() < deadline);

        assertThat(outageSeen).as("a 503 while the server was down: %s", statuses).isTrue();
        assertThat(answer.status()).as("answers after the kill: %s", statuses).isEqualTo(200);
        int health;
        do {
            health = health();
        } while (health != 200 && System.nanoTime() < deadline);
        assertThat(health).isEqualTo(200);
    }

    @Test
    void aFrozenServerMakesHealthDownWithinFiveSecondsAndPagesSayTryAgain() throws Exception {
        ApiClient provider = ApiClient.provider(port);
        PageClient browser = new PageClient(port);
        String csrf = PageClient.csrf(browser.get("/login").body());
        long postmaster = postmaster();
        List<Long> frozen = new ArrayList<>(List.of(postmaster));
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(p -> frozen.add(p.pid()));
        signal("STOP", frozen);
        try {
            long start = System.nanoTime();
            int health;
            do {
                health = health();
            } while (health != 503 && System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
            assertThat(health).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

            ApiClient.Response api = provider.get("/api/v1/device-models");
            assertProblem(api, 503, "database.unavailable");
            assertThat(api.header("Retry-After")).isEqualTo("5");

            HttpResponse<String> signIn = browser.postForm("/login", Map.of("email", ApiClient.PROVIDER_EMAIL,
                    "password", ApiClient.PROVIDER_PASSWORD, "_csrf", csrf));
            assertThat(signIn.statusCode()).isEqualTo(503);
            assertThat(signIn.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(signIn.body()).contains("Back in a moment").doesNotContain("Exception");

            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/devices"))
                    .header("Accept-Language", "fr").header("Cookie", "SESSION=MDAwMDAwMDAtMDAwMC0wMDAw")
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("De retour dans un instant");
        } finally {
            signal("CONT", frozen);
        }
        long thawed = System.nanoTime();
        int health;
        do {
            health = health();
        } while (health != 200 && System.nanoTime() - thawed < Duration.ofSeconds(20).toNanos());
        assertThat(health).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - thawed)).isLessThan(Duration.ofSeconds(5));
        assertThat(provider.get("/api/v1/device-models").status()).isEqualTo(200);
    }

    private long postmaster() throws Exception {
        return Long.parseLong(Files.readAllLines(Path.of(dataDir).resolve("postmaster.pid")).get(0).trim());
    }

    private static void signal(String signal, List<Long> pids) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
    }

    private int health() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

}
