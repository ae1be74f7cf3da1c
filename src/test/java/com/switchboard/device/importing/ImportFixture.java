package com.switchboard.device.importing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.switchboard.ApiClient;
import com.switchboard.TestData;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh customer with an admin and sites, and the calls an import test makes through the API. */
final class ImportFixture {

    static final String HEADER = "Site,Device model,MAC address,Label\n";
    private static final Set<String> FINISHED = Set.of("COMPLETED", "REJECTED", "FAILED");

    static final String PASSWORD = "import-password-123";

    final ApiClient provider;
    final ApiClient admin;
    final long customer;
    /** The customer admin's email, to sign in on the pages with {@link #PASSWORD}. */
    final String email;

    private ImportFixture(ApiClient provider, ApiClient admin, long customer, String email) {
        this.provider = provider;
        this.admin = admin;
        this.customer = customer;
        this.email = email;
    }

    /** A Canadian customer with the sites Montréal and Toronto. */
    static ImportFixture create(int port) {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");
        String email = "importer-" + java.util.UUID.randomUUID() + "@example.test";
        ApiClient.Response created = provider.post("/api/v1/customers/" + customer + "/admins",
                Map.of("email", email, "name", "Import Admin", "password", PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ImportFixture fixture = new ImportFixture(provider, ApiClient.signIn(port, email, PASSWORD), customer, email);
        fixture.site("Montréal", "CA", "America/Toronto");
        fixture.site("Toronto", "CA", "America/Toronto");
        return fixture;
    }

    long site(String name, String country, String timeZone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("country", country);
        body.put("timeZone", timeZone);
        ApiClient.Response created = admin.post(path("/sites"), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    String path(String suffix) {
        return "/api/v1/customers/" + customer + suffix;
    }

    ApiClient.Response upload(String fileName, byte[] content) {
        return admin.upload(path("/device-imports"), "file", fileName, "text/csv", content);
    }

    /** Uploads, expects 202, and waits for the job to finish; returns the import with its errors. */
    JsonNode importFile(String csv) {
        return importFile(csv.getBytes(StandardCharsets.UTF_8));
    }

    JsonNode importFile(byte[] content) {
        ApiClient.Response accepted = upload("devices.csv", content);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return await(accepted.json().get("id").asLong());
    }

    JsonNode await(long importId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            ApiClient.Response status = admin.get(path("/device-imports/" + importId + "?errorsSize=10000"));
            assertThat(status.status()).as(status.toString()).isEqualTo(200);
            JsonNode json = status.json();
            if (FINISHED.contains(json.get("status").asString())) {
                return json;
            }
            sleep(100);
        }
        throw new AssertionError("Import " + importId + " did not finish");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Lines of a valid file: n Yealink T46U at Montréal with fresh MACs. */
    static String validRows(int n) {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < n; i++) {
            csv.append("Montréal,Yealink T46U,").append(TestData.uniqueMac("805EC0")).append(",Desk ").append(i).append('\n');
        }
        return csv.toString();
    }
}
