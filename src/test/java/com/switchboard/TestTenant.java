package com.switchboard;

import java.util.Map;

/**
 * A fresh customer with its own admin, for tests of users, numbers and assignment: sites, numbers,
 * users and devices are added through the API, as a client would.
 */
public record TestTenant(ApiClient provider, long customerId, ApiClient admin) {

    public static TestTenant create(int port, String country) {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, country);
        return new TestTenant(provider, customer, TestData.customerAdmin(port, provider, customer));
    }

    /** The pages as another admin of this customer sees them, signed in through the form. */
    public PageSession pages(int port) {
        String email = "pages-" + java.util.UUID.randomUUID() + "@example.test";
        created(provider.post(path("/admins"), Map.of("email", email, "name", "Page Admin", "password", "page-password-123")));
        return PageSession.signIn(port, email, "page-password-123");
    }

    public String path(String rest) {
        return "/api/v1/customers/" + customerId + rest;
    }

    public long site(String name, String country, String timeZone) {
        return TestData.site(admin, customerId, name, country, timeZone);
    }

    public long number(long siteId, String e164) {
        return created(admin.post(path("/numbers"), Map.of("e164", e164, "siteId", siteId))).json().get("id").asLong();
    }

    public long user(long siteId, String first, String last, String extension) {
        return created(admin.post(path("/users"), Map.of("firstName", first, "lastName", last,
                "email", first.toLowerCase() + "." + last.toLowerCase() + "@example.test", "siteId", siteId,
                "extension", extension))).json().get("id").asLong();
    }

    public long device(long siteId, String model, String oui) {
        return created(admin.post(path("/devices"), Map.of("siteId", siteId, "modelId", TestData.model(admin, model),
                "macAddress", TestData.uniqueMac(oui)))).json().get("id").asLong();
    }

    private static ApiClient.Response created(ApiClient.Response response) {
        if (response.status() != 201) {
            throw new IllegalStateException("Expected 201 but got " + response);
        }
        return response;
    }
}
