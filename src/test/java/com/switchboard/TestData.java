package com.switchboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creates what a test needs through the API, each time with fresh names, so that test classes
 * sharing one database never see each other's data.
 */
public final class TestData {

    /** The password of every admin account the tests create. */
    public static final String PASSWORD = "test-password-123";

    private static final AtomicLong MAC = new AtomicLong(System.nanoTime() & 0xFFFFFFL);

    private TestData() {
    }

    /** A customer created by the provider admin; returns its id. */
    public static long customer(ApiClient provider, String country) {
        ApiClient.Response created = provider.post("/api/v1/customers",
                Map.of("name", "Customer " + UUID.randomUUID(), "country", country, "language", "en"));
        check(created, 201);
        return created.json().get("id").asLong();
    }

    /** The password of every admin account made by {@link #customerAdminEmail}. */
    public static final String ADMIN_PASSWORD = PASSWORD;

    /** A customer admin of that customer, signed in with a token of its own. */
    public static ApiClient customerAdmin(int port, ApiClient provider, long customerId) {
        return ApiClient.signIn(port, customerAdminAccount(provider, customerId), PASSWORD);
    }

    /** A customer admin of that customer, not signed in: returns its email; its password is {@link #PASSWORD}. */
    public static String customerAdminAccount(ApiClient provider, long customerId) {
        String email = adminEmail();
        check(provider.post("/api/v1/customers/" + customerId + "/admins",
                Map.of("email", email, "name", "Test Admin", "password", PASSWORD)), 201);
        return email;
    }

    /** A customer admin of that customer with the password {@link #ADMIN_PASSWORD}; returns its email. */
    public static String customerAdminEmail(ApiClient provider, long customerId) {
        return customerAdminAccount(provider, customerId);
    }

    public static long site(ApiClient client, long customerId, String name, String country, String timeZone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name + " " + UUID.randomUUID().toString().substring(0, 8));
        body.put("country", country);
        body.put("timeZone", timeZone);
        ApiClient.Response created = client.post("/api/v1/customers/" + customerId + "/sites", body);
        check(created, 201);
        return created.json().get("id").asLong();
    }

    /** The id of an active model of the catalogue sold in that country, by display name. */
    public static long model(ApiClient client, String displayName) {
        for (var model : client.get("/api/v1/device-models").json()) {
            if (model.get("displayName").asString().equals(displayName)) {
                return model.get("id").asLong();
            }
        }
        throw new IllegalArgumentException("No model " + displayName);
    }

    /** A device added by that client; returns its id. */
    public static long device(ApiClient client, long customerId, long siteId, long modelId, String mac) {
        ApiClient.Response added = client.post("/api/v1/customers/" + customerId + "/devices",
                Map.of("siteId", siteId, "modelId", modelId, "macAddress", mac));
        check(added, 201);
        return added.json().get("id").asLong();
    }

    /** A fresh customer admin's email, for tests that need to know the account's credentials. */
    public static String adminEmail() {
        return "admin-" + UUID.randomUUID() + "@example.test";
    }

    /** A MAC address no other test uses, with the given OUI (6 hex digits, such as 805EC0 for Yealink). */
    public static String uniqueMac(String oui) {
        long n = MAC.incrementAndGet() & 0xFFFFFFL;
        return String.format("%s%06X", oui, n).replaceAll("(..)(?!$)", "$1:");
    }

    private static void check(ApiClient.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("Expected " + status + " but got " + response);
        }
    }

    /** Gives a device to a new user of its own site, straight in the database, for tests of the device module. */
    public static long assignToNewUser(org.springframework.jdbc.core.simple.JdbcClient jdbc, long deviceId) {
        return jdbc.sql("""
                with d as (select customer_id, site_id from device where id = :id),
                     u as (insert into app_user (customer_id, site_id, first_name, last_name, email, extension)
                           select customer_id, site_id, 'Test', 'User', :email, :extension from d returning id)
                update device set assigned_user_id = (select id from u), status = 'ASSIGNED' where id = :id
                returning assigned_user_id
                """)
                .param("id", deviceId).param("email", UUID.randomUUID() + "@example.test")
                .param("extension", String.valueOf(10_000_000 + (MAC.incrementAndGet() % 89_999_999)))
                .query(Long.class).single();
    }
}
