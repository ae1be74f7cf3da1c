package com.switchboard.assignment.importing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.switchboard.ApiClient;
import com.switchboard.TestData;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh Canadian customer with an admin, the sites Montréal and Toronto, and the calls of a user import test. */
final class UserImportFixture {

    static final String HEADER = "First name,Last name,Email,Site,Extension,Language,Phone number,Phone MAC address,Phone model,Phone label\n";
    static final String PASSWORD = "user-import-password-1";
    private static final Set<String> FINISHED = Set.of("COMPLETED", "REJECTED", "FAILED");
    /** Numbers of Montréal's area code, never the same twice in a test run: +1 514 3xx xxxx. */
    private static final AtomicLong NUMBER = new AtomicLong(3_000_000 + (System.nanoTime() & 0xFFFFF) % 1_000_000);

    final ApiClient admin;
    final long customer;
    final String email;
    final long montreal;
    final long toronto;

    private UserImportFixture(ApiClient admin, long customer, String email, long montreal, long toronto) {
        this.admin = admin;
        this.customer = customer;
        this.email = email;
        this.montreal = montreal;
        this.toronto = toronto;
    }

    static UserImportFixture create(int port) {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");
        String email = "user-importer-" + java.util.UUID.randomUUID() + "@example.test";
        ApiClient.Response created = provider.post("/api/v1/customers/" + customer + "/admins",
                Map.of("email", email, "name", "Import Admin", "password", PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ApiClient admin = ApiClient.signIn(port, email, PASSWORD);
        long montreal = site(admin, customer, "Montréal");
        long toronto = site(admin, customer, "Toronto");
        return new UserImportFixture(admin, customer, email, montreal, toronto);
    }

    /** A Canadian site named exactly so, as the file names it. */
    private static long site(ApiClient admin, long customer, String name) {
        ApiClient.Response created = admin.post("/api/v1/customers/" + customer + "/sites",
                Map.of("name", name, "country", "CA", "timeZone", "America/Toronto"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** Another admin of the same customer, as a second person uploading at the same time. */
    ApiClient secondAdmin(int port) {
        String other = "user-importer-" + java.util.UUID.randomUUID() + "@example.test";
        ApiClient provider = ApiClient.provider(port);
        ApiClient.Response created = provider.post(path("/admins"), Map.of("email", other, "name", "Second Admin",
                "password", PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return ApiClient.signIn(port, other, PASSWORD);
    }

    String path(String suffix) {
        return "/api/v1/customers/" + customer + suffix;
    }

    /** Fresh numbers of the site, added through the API in one range: their E.164 forms. */
    List<String> numbers(long siteId, int count) {
        long first = NUMBER.getAndAdd(count);
        List<String> added = new ArrayList<>();
        for (long n = first; n < first + count; n++) {
            added.add("+1514" + n);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siteId", siteId);
        if (count == 1) {
            body.put("e164", added.get(0));
        } else {
            body.put("from", added.get(0));
            body.put("to", added.get(count - 1));
        }
        ApiClient.Response response = admin.post(path("/numbers"), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return added;
    }

    /** A free phone of the site (a Yealink T46U): its MAC as AA:BB:CC:DD:EE:FF. */
    String phone(long siteId) {
        String mac = TestData.uniqueMac("805EC0");
        TestData.device(admin, customer, siteId, TestData.model(admin, "Yealink T46U"), mac);
        return mac;
    }

    ApiClient.Response upload(ApiClient client, byte[] content) {
        return client.upload(path("/user-imports"), "file", "users.csv", "text/csv", content);
    }

    JsonNode importFile(String csv) {
        return importFile(csv.getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads, expects 202 and a Location, and waits for the job to finish; the import with its errors. */
    JsonNode importFile(byte[] content) {
        ApiClient.Response accepted = upload(admin, content);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.header("Location")).endsWith(path("/user-imports/" + accepted.json().get("id").asLong()));
        return await(admin, accepted.json().get("id").asLong());
    }

    JsonNode await(ApiClient client, long importId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            ApiClient.Response status = client.get(path("/user-imports/" + importId + "?errorsSize=10000"));
            assertThat(status.status()).as(status.toString()).isEqualTo(200);
            JsonNode json = status.json();
            if (FINISHED.contains(json.get("status").asString())) {
                return json;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("User import " + importId + " did not finish");
    }

    /** One row of the file, in the order of {@link #HEADER}. */
    static String row(String first, String last, String email, String site, String extension, String language,
                      String number, String mac, String model, String label) {
        return String.join(",", first, last, email, site, extension, language, number, mac, model, label) + "\n";
    }
}
