package com.switchboard.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static com.switchboard.ProblemAssert.assertProblem;
import static com.switchboard.ProblemAssert.errors;
import static com.switchboard.ProblemAssert.path;
import static org.assertj.core.api.Assertions.assertThat;

/** The device catalogue: what it holds, how a provider admin changes it, and what each site is offered. */
@SwitchboardTest
class CatalogueApiIT {

    @LocalServerPort
    int port;

    @Test
    void holdsAtLeastTwentyActiveModelsFromFiveManufacturersNotAllSoldEverywhere() {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");
        JsonNode models = TestData.customerAdmin(port, provider, customer).get("/api/v1/device-models").json();

        List<JsonNode> active = new ArrayList<>();
        models.forEach(m -> {
            if (m.get("active").asBoolean()) {
                active.add(m);
            }
        });
        assertThat(active).hasSizeGreaterThanOrEqualTo(20);
        Set<String> manufacturers = new HashSet<>();
        Set<String> countries = new HashSet<>();
        for (JsonNode model : active) {
            manufacturers.add(model.get("manufacturer").asString());
            assertThat(model.get("displayName").asString())
                    .isEqualTo(model.get("manufacturer").asString() + " " + model.get("model").asString());
            assertThat(model.get("kind").asString()).isIn("DESK_PHONE", "CONFERENCE_PHONE", "DECT_BASE", "ANALOG_ADAPTER");
            assertThat(model.get("lineKeys").asInt()).isPositive();
            assertThat(model.get("provisioningFamily").asString()).isNotBlank();
            assertThat(model.get("countries")).isNotEmpty();
            model.get("countries").forEach(c -> countries.add(c.asString()));
        }
        assertThat(manufacturers).hasSizeGreaterThanOrEqualTo(5);
        // Not every model is sold everywhere.
        assertThat(active).anySatisfy(m -> assertThat(m.get("countries")).hasSizeLessThan(countries.size()));
    }

    @Test
    void aProviderAdminAddsAModelAndChangesWhereItIsSoldAndEachSiteFollows() {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");
        ApiClient admin = TestData.customerAdmin(port, provider, customer);
        long montreal = TestData.site(admin, customer, "Montréal", "CA", "America/Toronto");
        long paris = TestData.site(admin, customer, "Paris", "FR", "Europe/Paris");
        String name = "T99 " + System.nanoTime();

        ApiClient.Response added = provider.post("/api/v1/device-models", Map.of("manufacturer", "Yealink", "model", name,
                "kind", "DESK_PHONE", "lineKeys", 12, "provisioningFamily", "yealink", "countries", List.of("fr")));

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        long id = added.json().get("id").asLong();
        assertThat(added.header("Location")).endsWith("/api/v1/device-models/" + id);
        assertThat(provider.get(path(added.header("Location"))).json()).isEqualTo(added.json());
        assertThat(added.json().get("displayName").asString()).isEqualTo("Yealink " + name);
        assertThat(strings(added.json().get("countries"))).containsExactly("FR");
        assertThat(added.json().get("active").asBoolean()).isTrue();
        assertThat(offered(admin, customer, paris)).contains(id);
        assertThat(offered(admin, customer, montreal)).doesNotContain(id);

        ApiClient.Response changed = provider.patch("/api/v1/device-models/" + id, Map.of("countries", List.of("FR", "CA")));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(strings(changed.json().get("countries"))).containsExactly("CA", "FR");
        assertThat(changed.json().get("lineKeys").asInt()).isEqualTo(12);
        assertThat(offered(admin, customer, montreal)).contains(id);
        assertThat(admin.post("/api/v1/customers/" + customer + "/devices", Map.of("siteId", montreal, "modelId", id,
                "macAddress", TestData.uniqueMac("805EC0"))).status()).isEqualTo(201);

        ApiClient.Response endOfSale = provider.patch("/api/v1/device-models/" + id, Map.of("active", false));

        assertThat(endOfSale.json().get("active").asBoolean()).isFalse();
        assertThat(offered(admin, customer, montreal)).doesNotContain(id);
        assertThat(offered(admin, customer, paris)).doesNotContain(id);
        ApiClient.Response refused = admin.post("/api/v1/customers/" + customer + "/devices", Map.of("siteId", montreal,
                "modelId", id, "macAddress", TestData.uniqueMac("805EC0")));
        assertProblem(refused, 422, "request.invalid");
        assertThat(errors(refused)).containsExactly("modelId:device.model.not-available");
    }

    @Test
    void endOfSaleModelsAreNotOffered() {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");
        ApiClient admin = TestData.customerAdmin(port, provider, customer);
        long montreal = TestData.site(admin, customer, "Montréal", "CA", "America/Toronto");
        long paris = TestData.site(admin, customer, "Paris", "FR", "Europe/Paris");
        long t46s = TestData.model(admin, "Yealink T46S");
        long vvx150 = TestData.model(admin, "Poly VVX 150");

        List<Long> atMontreal = offered(admin, customer, montreal);
        assertThat(atMontreal).isNotEmpty().doesNotContain(t46s, vvx150).contains(TestData.model(admin, "Yealink T46U"));
        assertThat(atMontreal).doesNotContain(TestData.model(admin, "Snom D785"));
        assertThat(offered(admin, customer, paris)).doesNotContain(t46s, vvx150)
                .contains(TestData.model(admin, "Snom D785")).doesNotContain(TestData.model(admin, "Cisco 6821"));
    }

    @Test
    void refusesAnIncompleteOrDuplicateModel() {
        ApiClient provider = ApiClient.provider(port);

        ApiClient.Response incomplete = provider.post("/api/v1/device-models", Map.of("manufacturer", "Yealink",
                "model", " ", "kind", "TOASTER", "lineKeys", -1, "provisioningFamily", "Not a family!", "countries", List.of("ZZ")));
        assertProblem(incomplete, 422, "request.invalid");
        assertThat(errors(incomplete)).containsExactlyInAnyOrder("model:validation.required", "kind:catalog.kind.invalid",
                "lineKeys:catalog.line-keys.range", "provisioningFamily:catalog.family.invalid", "countries:validation.country");

        ApiClient.Response missing = provider.post("/api/v1/device-models", Map.of("manufacturer", "Yealink", "model", "T99"));
        assertProblem(missing, 400, "request.invalid");
        assertThat(errors(missing)).containsExactlyInAnyOrder("kind:validation.required", "lineKeys:validation.required",
                "provisioningFamily:validation.required");

        ApiClient.Response duplicate = provider.post("/api/v1/device-models", Map.of("manufacturer", "yealink",
                "model", "T46U", "kind", "DESK_PHONE", "lineKeys", 27, "provisioningFamily", "yealink", "countries", List.of("CA")));
        assertProblem(duplicate, 409, "catalog.model.exists");

        assertProblem(provider.patch("/api/v1/device-models/987654321", Map.of("active", false)), 404, "catalog.model.not-found");
    }

    private static List<Long> offered(ApiClient admin, long customer, long site) {
        ApiClient.Response models = admin.get("/api/v1/customers/" + customer + "/sites/" + site + "/device-models");
        assertThat(models.status()).as(models.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        models.json().forEach(m -> {
            assertThat(m.get("active").asBoolean()).isTrue();
            ids.add(m.get("id").asLong());
        });
        return ids;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
