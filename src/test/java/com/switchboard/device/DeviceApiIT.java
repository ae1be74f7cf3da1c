package com.switchboard.device;

import java.util.List;
import java.util.Map;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.switchboard.ProblemAssert.assertProblem;
import static com.switchboard.ProblemAssert.errors;
import static com.switchboard.ProblemAssert.path;
import static org.assertj.core.api.Assertions.assertThat;

/** Add, read and remove a device through the API, and every way adding one can be refused. */
@SwitchboardTest
class DeviceApiIT {

    private static final String YEALINK = "805EC0";
    private static final String CISCO = "00D6FE";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient provider;
    ApiClient admin;
    long customer;
    long site;
    long t46u;
    String devices;

    @BeforeEach
    void setUp() {
        provider = ApiClient.provider(port);
        customer = TestData.customer(provider, "CA");
        admin = TestData.customerAdmin(port, provider, customer);
        site = TestData.site(admin, customer, "Montréal", "CA", "America/Toronto");
        t46u = TestData.model(admin, "Yealink T46U");
        devices = "/api/v1/customers/" + customer + "/devices";
    }

    @Test
    void addsADeviceAndAnswersWithItsLocationAndTheSameBodyAsGetOne() {
        String mac = TestData.uniqueMac(YEALINK);
        String typed = mac.toLowerCase().replace(':', '-');

        ApiClient.Response added = admin.post(devices, Map.of("siteId", site, "modelId", t46u, "macAddress", typed,
                "label", "  Reception  "));

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode body = added.json();
        long id = body.get("id").asLong();
        assertThat(added.header("Location")).endsWith("/api/v1/customers/" + customer + "/devices/" + id);
        assertThat(body.get("macAddress").asString()).isEqualTo(mac).matches("([0-9A-F]{2}:){5}[0-9A-F]{2}");
        assertThat(body.get("siteId").asLong()).isEqualTo(site);
        assertThat(body.get("siteName").asString()).startsWith("Montréal ");
        assertThat(body.get("modelId").asLong()).isEqualTo(t46u);
        assertThat(body.get("modelDisplayName").asString()).isEqualTo("Yealink T46U");
        assertThat(body.get("label").asString()).isEqualTo("Reception");
        assertThat(body.get("status").asString()).isEqualTo("UNASSIGNED");
        assertThat(body.get("assignedUserId").isNull()).isTrue();
        assertThat(body.get("createdAt").asString()).isNotBlank();
        assertThat(body.get("warnings").isArray()).isTrue();
        assertThat(body.get("warnings")).isEmpty();

        ApiClient.Response fetched = admin.get(path(added.header("Location")));
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(body);

        assertThat(jdbc.sql("select mac from device where id = :id").param("id", id).query(String.class).single())
                .isEqualTo(mac.replace(":", ""));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''                  | device.mac.required",
            "'   '               | device.mac.required",
            "not-a-mac           | device.mac.invalid",
            "80:5E:C0:12:34      | device.mac.invalid",
            "80:5E:C0:12:34:5G   | device.mac.invalid",
            "00:00:00:00:00:00   | device.mac.zero",
            "ff:ff:ff:ff:ff:ff   | device.mac.broadcast",
            "01:00:5E:00:00:FB   | device.mac.multicast",
            "02:5E:C0:12:34:56   | device.mac.local",
    })
    void refusesEveryBrokenMacRuleOnTheMacField(String mac, String code) {
        ApiClient.Response refused = admin.post(devices, Map.of("siteId", site, "modelId", t46u, "macAddress", mac));

        assertProblem(refused, 422, "request.invalid");
        assertThat(errors(refused)).containsExactly("macAddress:" + code);
        assertThat(refused.json().get("errors").get(0).get("message").asString()).isNotBlank().isNotEqualTo(code);
        assertThat(deviceCount()).isZero();
    }

    @Test
    void refusesAMissingMac() {
        ApiClient.Response refused = admin.post(devices, Map.of("siteId", site, "modelId", t46u));

        assertProblem(refused, 400, "request.invalid");
        assertThat(errors(refused)).containsExactly("macAddress:validation.required");
    }

    @Test
    void refusesALabelOverOneHundredCharacters() {
        ApiClient.Response refused = admin.post(devices, Map.of("siteId", site, "modelId", t46u,
                "macAddress", TestData.uniqueMac(YEALINK), "label", "x".repeat(101)));

        assertProblem(refused, 422, "request.invalid");
        assertThat(errors(refused)).containsExactly("label:validation.too-long");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("100");

        ApiClient.Response accepted = admin.post(devices, Map.of("siteId", site, "modelId", t46u,
                "macAddress", TestData.uniqueMac(YEALINK), "label", "x".repeat(100)));
        assertThat(accepted.status()).isEqualTo(201);
    }

    @Test
    void reportsAMissingSiteAndModelTogether() {
        ApiClient.Response refused = admin.post(devices, Map.of("macAddress", TestData.uniqueMac(YEALINK)));

        assertProblem(refused, 400, "request.invalid");
        assertThat(errors(refused)).containsExactlyInAnyOrder("siteId:validation.required", "modelId:validation.required");
    }

    @Test
    void refusesAnUnknownModel() {
        ApiClient.Response refused = admin.post(devices, Map.of("siteId", site, "modelId", 987_654_321L,
                "macAddress", TestData.uniqueMac(YEALINK)));

        assertProblem(refused, 422, "request.invalid");
        assertThat(errors(refused)).containsExactly("modelId:catalog.model.not-found");
    }

    @Test
    void refusesAModelThatIsNotSoldWhereTheSiteIs() {
        long snomD785 = TestData.model(admin, "Snom D785");

        ApiClient.Response refused = admin.post(devices, Map.of("siteId", site, "modelId", snomD785,
                "macAddress", TestData.uniqueMac("000413")));

        assertProblem(refused, 422, "request.invalid");
        assertThat(errors(refused)).containsExactly("modelId:device.model.not-available");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("Snom D785");
        assertThat(deviceCount()).isZero();
    }

    @Test
    void refusesAMacAlreadyInTheOwnInventory() {
        String mac = TestData.uniqueMac(YEALINK);
        TestData.device(admin, customer, site, t46u, mac);

        ApiClient.Response refused = admin.post(devices, Map.of("siteId", site, "modelId", t46u,
                "macAddress", mac.replace(":", "").toLowerCase()));

        assertProblem(refused, 409, "device.mac.in-inventory");
        assertThat(errors(refused)).containsExactly("macAddress:device.mac.in-inventory");
        assertThat(refused.json().get("detail").asString()).contains(mac);
        assertThat(deviceCount()).isOne();
    }

    @Test
    void saysOnlyThatAMacIsRegisteredWhenAnotherCustomerHoldsIt() {
        long other = TestData.customer(provider, "CA");
        String otherName = provider.get("/api/v1/customers/" + other).json().get("name").asString();
        long otherSite = TestData.site(provider, other, "Secret Warehouse", "CA", "America/Vancouver");
        String otherSiteName = provider.get("/api/v1/customers/" + other + "/sites/" + otherSite).json().get("name").asString();
        String mac = TestData.uniqueMac(YEALINK);
        ApiClient.Response held = provider.post("/api/v1/customers/" + other + "/devices",
                Map.of("siteId", otherSite, "modelId", t46u, "macAddress", mac, "label", "Boardroom of the CEO"));
        assertThat(held.status()).isEqualTo(201);

        for (ApiClient client : List.of(admin, admin.inLanguage("fr"))) {
            ApiClient.Response refused = client.post(devices, Map.of("siteId", site, "modelId", t46u, "macAddress", mac));

            assertProblem(refused, 409, "device.mac.duplicate");
            assertThat(errors(refused)).containsExactly("macAddress:device.mac.duplicate");
            assertThat(refused.json().get("detail").asString()).contains(mac);
            assertThat(refused.text()).doesNotContain(otherName, otherSiteName, "Secret Warehouse", "Boardroom",
                    "Customer ");
        }
        assertThat(deviceCount()).isZero();
    }

    @Test
    void savesAMacWithAnotherManufacturersPrefixWithAWarning() {
        String mac = TestData.uniqueMac(CISCO);

        ApiClient.Response added = admin.post(devices, Map.of("siteId", site, "modelId", t46u, "macAddress", mac));

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode warnings = added.json().get("warnings");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).get("code").asString()).isEqualTo("device.mac.foreign-prefix");
        assertThat(warnings.get(0).get("message").asString()).contains(mac, "Yealink T46U");
        assertThat(admin.get(path(added.header("Location"))).json().get("warnings").get(0).get("code").asString())
                .isEqualTo("device.mac.foreign-prefix");
        assertThat(deviceCount()).isOne();
    }

    @Test
    void answersMalformedJsonWithA400Problem() {
        ApiClient.Response refused = admin.sendRaw("POST", devices, "application/json",
                "{\"siteId\": 1, \"macAddress\": ".getBytes());

        assertProblem(refused, 400, "request.unreadable");
    }

    @Test
    void answersAWrongTypeWithA400ProblemNamingTheField() {
        ApiClient.Response refused = admin.post(devices, Map.of("siteId", "Montréal", "modelId", t46u,
                "macAddress", TestData.uniqueMac(YEALINK)));

        assertProblem(refused, 400, "request.unreadable");
        assertThat(errors(refused)).containsExactly("siteId:request.field.type");

        ApiClient.Response array = admin.post(devices, "[1, 2]");
        assertProblem(array, 400, "request.unreadable");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "size=0              | size:request.page-size",
            "size=501            | size:request.page-size",
            "page=-1             | page:request.parameter.invalid",
            "page=abc            | page:request.parameter.invalid",
            "status=BROKEN       | status:request.parameter.invalid",
            "sort=colour         | sort:request.parameter.invalid",
            "siteId=abc          | siteId:request.parameter.invalid",
            "modelId=1.5         | modelId:request.parameter.invalid",
            "assigned=maybe      | assigned:request.parameter.invalid",
    })
    void refusesListParametersThatMakeNoSenseWithA400NamingThem(String query, String error) {
        ApiClient.Response refused = admin.get(devices + "?" + query);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertProblem(refused, 400, refused.code());
        assertThat(errors(refused)).containsExactly(error);
    }

    @Test
    void answersOddRequestsWithProblemsNeverA500() {
        assertProblem(admin.get(devices + "?q=" + "a".repeat(101)), 400, "request.parameter.invalid");
        assertProblem(admin.get(devices + "/abc"), 400, "request.invalid");
        assertProblem(admin.get("/api/v1/customers/abc/devices"), 400, "request.invalid");
        assertProblem(admin.get("/api/v1/customers/-1/devices"), 404, "customer.not-found");
        assertProblem(admin.sendRaw("POST", devices, "application/json", new byte[0]), 400, "request.unreadable");
        assertProblem(admin.post(devices, "null"), 400, "request.unreadable");
        ApiClient.Response put = admin.send("PUT", devices, Map.of(), Map.of());
        assertProblem(put, 405, "request.method");
        assertThat(put.header("Allow")).contains("GET", "POST");
        assertProblem(admin.inLanguage("fr").get("/api/v1/no-such-thing"), 404, "request.not-found");
        assertThat(admin.inLanguage("fr").get("/api/v1/no-such-thing").json().get("title").asString()).isEqualTo("Introuvable");
        assertProblem(admin.post(devices, Map.of("siteId", site, "modelId", t46u, "macAddress", "x".repeat(10_000),
                "label", "y".repeat(10_000))), 422, "request.invalid");
        assertProblem(admin.post(devices, Map.of("siteId", Long.MAX_VALUE, "modelId", Long.MAX_VALUE,
                "macAddress", TestData.uniqueMac(YEALINK))), 404, "site.not-found");
        assertThat(admin.get(devices + "?q=%25_%5C&sort=mac&status=unassigned&assigned=false&size=500").status()).isEqualTo(200);
    }

    @Test
    void answersAnotherContentTypeWith415() {
        ApiClient.Response refused = admin.sendRaw("POST", devices, "text/plain", "hello".getBytes());

        assertProblem(refused, 415, "request.media-type");
    }

    @Test
    void speaksFrenchWhenAskedTo() {
        ApiClient french = admin.inLanguage("fr");
        String mac = TestData.uniqueMac(YEALINK);
        TestData.device(admin, customer, site, t46u, mac);

        ApiClient.Response duplicate = french.post(devices, Map.of("siteId", site, "modelId", t46u, "macAddress", mac));
        assertProblem(duplicate, 409, "device.mac.in-inventory");
        assertThat(duplicate.json().get("title").asString()).isEqualTo("Conflit");
        assertThat(duplicate.json().get("detail").asString()).contains("déjà", "inventaire");

        ApiClient.Response invalid = french.post(devices, Map.of("siteId", site, "modelId", t46u, "macAddress", "zz"));
        assertProblem(invalid, 422, "request.invalid");
        assertThat(invalid.json().get("detail").asString()).contains("valeurs");
        assertThat(invalid.json().get("errors").get(0).get("message").asString()).contains("adresse MAC");

        ApiClient.Response foreign = french.post(devices, Map.of("siteId", site, "modelId", t46u,
                "macAddress", TestData.uniqueMac(CISCO)));
        assertThat(foreign.json().get("warnings").get(0).get("message").asString()).contains("fabricant");
    }

    @Test
    void removesADevice() {
        long id = TestData.device(admin, customer, site, t46u, TestData.uniqueMac(YEALINK));

        assertThat(admin.delete(devices + "/" + id).status()).isEqualTo(204);

        assertProblem(admin.get(devices + "/" + id), 404, "device.not-found");
        assertProblem(admin.delete(devices + "/" + id), 404, "device.not-found");
        assertThat(deviceCount()).isZero();
    }

    @Test
    void listsTheInventoryAndFindsADeviceByAnyFormOfItsMac() {
        String mac = TestData.uniqueMac(YEALINK);
        long id = TestData.device(admin, customer, site, t46u, mac);
        TestData.device(admin, customer, site, t46u, TestData.uniqueMac(YEALINK));

        JsonNode all = admin.get(devices).json();
        assertThat(all.get("totalItems").asLong()).isEqualTo(2);
        assertThat(all.get("items")).hasSize(2);

        JsonNode found = admin.get(devices + "?q=" + mac.replace(":", "").toLowerCase()).json();
        assertThat(found.get("totalItems").asLong()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("id").asLong()).isEqualTo(id);
    }

    private long deviceCount() {
        return jdbc.sql("select count(*) from device where customer_id = :customer").param("customer", customer)
                .query(Long.class).single();
    }
}
