package com.switchboard.tenancy;

import java.util.ArrayList;
import java.util.List;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer admin only ever reaches its own customer: another customer's objects answer as if they
 * did not exist (404), and what only a provider admin may do answers 403.
 */
@SwitchboardTest
class TenantIsolationIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient provider;
    long mine;
    ApiClient me;
    long mySite;
    long theirs;
    ApiClient them;
    long theirSite;
    long theirDevice;
    long t46u;

    @BeforeEach
    void setUp() {
        provider = ApiClient.provider(port);
        mine = TestData.customer(provider, "CA");
        me = TestData.customerAdmin(port, provider, mine);
        mySite = TestData.site(me, mine, "Montréal", "CA", "America/Toronto");
        theirs = TestData.customer(provider, "CA");
        them = TestData.customerAdmin(port, provider, theirs);
        theirSite = TestData.site(them, theirs, "Toronto", "CA", "America/Toronto");
        t46u = TestData.model(me, "Yealink T46U");
        theirDevice = TestData.device(them, theirs, theirSite, t46u, TestData.uniqueMac("805EC0"));
    }

    @Test
    void anotherCustomersSiteAndDeviceCannotBeRead() {
        String theirPath = "/api/v1/customers/" + theirs;
        assertProblem(me.get(theirPath), 404, "customer.not-found");
        assertProblem(me.get(theirPath + "/sites"), 404, "customer.not-found");
        assertProblem(me.get(theirPath + "/sites/" + theirSite), 404, "customer.not-found");
        assertProblem(me.get(theirPath + "/sites/" + theirSite + "/device-models"), 404, "customer.not-found");
        assertProblem(me.get(theirPath + "/devices"), 404, "customer.not-found");
        assertProblem(me.get(theirPath + "/devices/" + theirDevice), 404, "customer.not-found");
        assertProblem(me.get(theirPath + "/admins"), 404, "customer.not-found");

        // Their ids under my own customer's path are just as unknown.
        String myPath = "/api/v1/customers/" + mine;
        assertProblem(me.get(myPath + "/sites/" + theirSite), 404, "site.not-found");
        assertProblem(me.get(myPath + "/sites/" + theirSite + "/device-models"), 404, "site.not-found");
        assertProblem(me.get(myPath + "/devices/" + theirDevice), 404, "device.not-found");
        assertThat(me.get(myPath + "/devices?siteId=" + theirSite).json().get("totalItems").asLong()).isZero();
    }

    @Test
    void anotherCustomersSiteAndDeviceCannotBeChanged() {
        String theirPath = "/api/v1/customers/" + theirs;
        String myPath = "/api/v1/customers/" + mine;
        Map<String, Object> rename = Map.of("name", "Taken over");

        assertProblem(me.patch(theirPath + "/sites/" + theirSite, rename), 404, "customer.not-found");
        assertProblem(me.patch(myPath + "/sites/" + theirSite, rename), 404, "site.not-found");
        assertProblem(me.delete(theirPath + "/devices/" + theirDevice), 404, "customer.not-found");
        assertProblem(me.delete(myPath + "/devices/" + theirDevice), 404, "device.not-found");
        assertProblem(me.post(theirPath + "/devices", Map.of("siteId", theirSite, "modelId", t46u,
                "macAddress", TestData.uniqueMac("805EC0"))), 404, "customer.not-found");
        assertProblem(me.post(myPath + "/devices", Map.of("siteId", theirSite, "modelId", t46u,
                "macAddress", TestData.uniqueMac("805EC0"))), 404, "site.not-found");
        assertProblem(me.post(theirPath + "/sites", Map.of("name", "Intruder", "country", "CA",
                "timeZone", "America/Toronto")), 404, "customer.not-found");
        assertProblem(me.post(theirPath + "/admins", Map.of("email", TestData.adminEmail(), "name", "Intruder",
                "password", "intruder-password-1")), 404, "customer.not-found");
        // Deleting their device removed nothing, so their site still holds it: both checks below must hold.
        TestData.device(me, mine, mySite, t46u, TestData.uniqueMac("805EC0"));
        assertProblem(me.delete(myPath + "/sites/" + theirSite), 404, "site.not-found");
        assertProblem(me.delete(theirPath + "/sites/" + theirSite), 404, "customer.not-found");

        assertThat(jdbc.sql("select name from site where id = :id").param("id", theirSite).query(String.class).single())
                .startsWith("Toronto ");
        assertThat(jdbc.sql("select count(*) from device where id = :id").param("id", theirDevice).query(Long.class).single())
                .isOne();
        assertThat(jdbc.sql("select count(*) from device where customer_id = :c").param("c", theirs).query(Long.class).single())
                .isOne();
        assertThat(jdbc.sql("select count(*) from site where customer_id = :c").param("c", theirs).query(Long.class).single())
                .isOne();
        assertThat(jdbc.sql("select count(*) from admin_account where customer_id = :c").param("c", theirs)
                .query(Long.class).single()).isOne();
    }

    @Test
    void aCustomerAdminCannotChangeTheCatalogue() {
        long snom = TestData.model(me, "Snom D785");
        Map<String, Object> model = Map.of("manufacturer", "Yealink", "model", "Rogue " + System.nanoTime(),
                "kind", "DESK_PHONE", "lineKeys", 2, "provisioningFamily", "yealink", "countries", List.of("CA"));

        assertProblem(me.post("/api/v1/device-models", model), 403, "security.provider-only");
        assertProblem(me.patch("/api/v1/device-models/" + snom, Map.of("countries", List.of("CA"))), 403,
                "security.provider-only");

        assertThat(jdbc.sql("select count(*) from device_model where model like 'Rogue %'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from device_model_country where model_id = :id and country = 'CA'")
                .param("id", snom).query(Long.class).single()).isZero();
    }

    @Test
    void aCustomerAdminCannotListOrAddCustomers() {
        assertProblem(me.get("/api/v1/customers"), 403, "security.provider-only");
        String name = "Sneaky " + System.nanoTime();
        assertProblem(me.post("/api/v1/customers", Map.of("name", name, "country", "CA", "language", "en")), 403,
                "security.provider-only");

        assertThat(jdbc.sql("select count(*) from customer where name = :n").param("n", name).query(Long.class).single())
                .isZero();
    }

    @Test
    void theDeviceListShowsOnlyTheCustomersOwnDevices() {
        List<Long> myDevices = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            myDevices.add(TestData.device(me, mine, mySite, t46u, TestData.uniqueMac("805EC0")));
        }
        List<Long> theirDevices = new ArrayList<>(List.of(theirDevice));
        for (int i = 0; i < 2; i++) {
            theirDevices.add(TestData.device(them, theirs, theirSite, t46u, TestData.uniqueMac("805EC0")));
        }

        assertThat(ids(me.get("/api/v1/customers/" + mine + "/devices"), 2)).containsExactlyInAnyOrderElementsOf(myDevices);
        assertThat(ids(them.get("/api/v1/customers/" + theirs + "/devices"), 3))
                .containsExactlyInAnyOrderElementsOf(theirDevices);
        // A provider admin sees each customer's list under that customer only.
        assertThat(ids(provider.get("/api/v1/customers/" + mine + "/devices"), 2))
                .containsExactlyInAnyOrderElementsOf(myDevices);
        // Paging still counts only the customer's own devices.
        JsonNode firstPage = them.get("/api/v1/customers/" + theirs + "/devices?size=1&page=0").json();
        assertThat(firstPage.get("items")).hasSize(1);
        assertThat(firstPage.get("totalItems").asLong()).isEqualTo(3);
    }

    private static List<Long> ids(ApiClient.Response page, long totalItems) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().get("totalItems").asLong()).isEqualTo(totalItems);
        List<Long> ids = new ArrayList<>();
        page.json().get("items").forEach(d -> ids.add(d.get("id").asLong()));
        return ids;
    }
}
