package com.switchboard.site;

import java.util.LinkedHashMap;
import java.util.Map;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.switchboard.ProblemAssert.assertProblem;
import static com.switchboard.ProblemAssert.errors;
import static com.switchboard.ProblemAssert.path;
import static org.assertj.core.api.Assertions.assertThat;

/** A customer's sites through the API: add, change, delete, and the rules that refuse them. */
@SwitchboardTest
class SiteApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    long customer;
    String sites;

    @BeforeEach
    void setUp() {
        ApiClient provider = ApiClient.provider(port);
        customer = TestData.customer(provider, "CA");
        admin = TestData.customerAdmin(port, provider, customer);
        sites = "/api/v1/customers/" + customer + "/sites";
    }

    @Test
    void addsASiteAndAnswersWithItsLocation() {
        ApiClient.Response created = admin.post(sites, site("  Montréal  ", "ca", "America/Toronto",
                "region", "QC", "address", "1000 rue Sherbrooke Ouest", "language", "fr"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        long id = body.get("id").asLong();
        assertThat(created.header("Location")).endsWith(sites + "/" + id);
        assertThat(body.get("customerId").asLong()).isEqualTo(customer);
        assertThat(body.get("name").asString()).isEqualTo("Montréal");
        assertThat(body.get("country").asString()).isEqualTo("CA");
        assertThat(body.get("region").asString()).isEqualTo("QC");
        assertThat(body.get("timeZone").asString()).isEqualTo("America/Toronto");
        assertThat(body.get("language").asString()).isEqualTo("fr");
        assertThat(body.get("address").asString()).isEqualTo("1000 rue Sherbrooke Ouest");

        assertThat(admin.get(path(created.header("Location"))).json()).isEqualTo(body);
        assertThat(admin.get(sites).json()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from audit_event where customer_id = :c and action = 'site.created'")
                .param("c", customer).query(Long.class).single()).isOne();
    }

    @Test
    void refusesANameTakenInTheSameCustomerWhateverItsCase() {
        assertThat(admin.post(sites, site("Montréal", "CA", "America/Toronto")).status()).isEqualTo(201);

        ApiClient.Response refused = admin.post(sites, site("MONTRÉAL", "CA", "America/Toronto"));

        assertProblem(refused, 409, "site.name.taken");
        assertThat(errors(refused)).containsExactly("name:site.name.taken");
        assertThat(admin.get(sites).json()).hasSize(1);

        // Another customer may use the same name.
        ApiClient provider = ApiClient.provider(port);
        long other = TestData.customer(provider, "CA");
        assertThat(provider.post("/api/v1/customers/" + other + "/sites", site("Montréal", "CA", "America/Toronto"))
                .status()).isEqualTo(201);
    }

    @Test
    void refusesAnUnknownCountryAndTimeZoneWithFieldErrors() {
        ApiClient.Response refused = admin.post(sites, site("Montréal", "XX", "Mars/Olympus_Mons"));

        assertProblem(refused, 422, "request.invalid");
        assertThat(errors(refused)).containsExactlyInAnyOrder("country:validation.country", "timeZone:site.time-zone.invalid");

        ApiClient.Response empty = admin.post(sites, Map.of());
        assertProblem(empty, 400, "request.invalid");
        assertThat(errors(empty)).containsExactlyInAnyOrder("name:validation.required", "country:validation.required",
                "timeZone:validation.required");

        ApiClient.Response longName = admin.post(sites, site("x".repeat(101), "CA", "EST"));
        assertThat(errors(longName)).containsExactlyInAnyOrder("name:validation.too-long", "timeZone:site.time-zone.invalid");

        assertThat(admin.get(sites).json()).isEmpty();
    }

    @Test
    void changesOnlyWhatAPatchSends() {
        long id = admin.post(sites, site("Montréal", "CA", "America/Toronto", "region", "QC")).json().get("id").asLong();

        ApiClient.Response changed = admin.patch(sites + "/" + id, Map.of("name", "Montréal Centre-ville",
                "timeZone", "America/Montreal"));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode site = admin.get(sites + "/" + id).json();
        assertThat(site).isEqualTo(changed.json());
        assertThat(site.get("name").asString()).isEqualTo("Montréal Centre-ville");
        assertThat(site.get("timeZone").asString()).isEqualTo("America/Montreal");
        assertThat(site.get("country").asString()).isEqualTo("CA");
        assertThat(site.get("region").asString()).isEqualTo("QC");

        assertProblem(admin.patch(sites + "/" + id, Map.of("country", "Canada")), 422, "request.invalid");
        long toronto = admin.post(sites, site("Toronto", "CA", "America/Toronto")).json().get("id").asLong();
        ApiClient.Response taken = admin.patch(sites + "/" + toronto, Map.of("name", "montréal centre-ville"));
        assertProblem(taken, 409, "site.name.taken");
        assertThat(admin.get(sites + "/" + toronto).json().get("name").asString()).isEqualTo("Toronto");
    }

    @Test
    void deletesASiteButNotWhileItHoldsADevice() {
        long id = admin.post(sites, site("Montréal", "CA", "America/Toronto")).json().get("id").asLong();
        long device = TestData.device(admin, customer, id, TestData.model(admin, "Yealink T46U"), TestData.uniqueMac("805EC0"));

        ApiClient.Response refused = admin.delete(sites + "/" + id);

        assertProblem(refused, 409, "site.delete.in-use");
        assertThat(admin.get(sites + "/" + id).status()).isEqualTo(200);

        assertThat(admin.delete("/api/v1/customers/" + customer + "/devices/" + device).status()).isEqualTo(204);
        assertThat(admin.delete(sites + "/" + id).status()).isEqualTo(204);
        assertProblem(admin.get(sites + "/" + id), 404, "site.not-found");
        assertProblem(admin.delete(sites + "/" + id), 404, "site.not-found");
        assertThat(jdbc.sql("select count(*) from site where id = :id").param("id", id).query(Long.class).single()).isZero();
    }

    /** A site body: name, country, time zone, then more fields as pairs. */
    private static Map<String, Object> site(String name, String country, String timeZone, String... more) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "country", country, "timeZone", timeZone));
        for (int i = 0; i < more.length; i += 2) {
            body.put(more[i], more[i + 1]);
        }
        return body;
    }
}
