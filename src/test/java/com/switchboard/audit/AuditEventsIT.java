package com.switchboard.audit;

import java.time.LocalDate;
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

import static org.assertj.core.api.Assertions.assertThat;

/** The customer's audit log in the API: newest first, filters, paging, scope. */
@SwitchboardTest
class AuditEventsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient provider;
    ApiClient admin;
    long customer;
    long site;
    long device;

    @BeforeEach
    void someHistory() {
        provider = ApiClient.provider(port);
        customer = TestData.customer(provider, "CA");
        admin = TestData.customerAdmin(port, provider, customer);
        site = TestData.site(admin, customer, "Montréal", "CA", "America/Toronto");
        long model = TestData.model(admin, "Yealink T46U");
        device = admin.post(events().replace("audit-events", "devices"), Map.of("siteId", site, "modelId", model,
                "macAddress", TestData.uniqueMac("805EC0"))).json().get("id").asLong();
        admin.patch(events().replace("audit-events", "devices") + "/" + device, Map.of("label", "Reception"));
    }

    private String events() {
        return "/api/v1/customers/" + customer + "/audit-events";
    }

    private JsonNode get(ApiClient client, String query) {
        ApiClient.Response answer = client.get(events() + query);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> actions(JsonNode page) {
        List<String> actions = new ArrayList<>();
        page.get("items").forEach(e -> actions.add(e.get("action").asString()));
        return actions;
    }

    @Test
    void listsTheCustomersEventsNewestFirst() {
        JsonNode page = get(admin, "");
        // customer.created and admin.created are the provider's, site.created and the device's the customer admin's.
        assertThat(actions(page)).startsWith("device.updated", "device.created", "site.created");
        assertThat(page.get("totalItems").asLong()).isEqualTo(page.get("items").size());
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(50);
        JsonNode newest = page.get("items").get(0);
        assertThat(newest.get("objectType").asString()).isEqualTo("device");
        assertThat(newest.get("objectId").asString()).isEqualTo(Long.toString(device));
        assertThat(newest.get("actorEmail").asString()).startsWith("admin-");
        assertThat(newest.get("summary").asString()).contains("Reception");
        assertThat(newest.get("actionLabel").asString()).isEqualTo("Label changed");
        assertThat(newest.get("createdAt").asString()).isNotBlank();
        assertThat(get(provider, "").get("totalItems").asLong()).isEqualTo(page.get("totalItems").asLong());
    }

    @Test
    void rendersEachEventInTheCallersLanguage() {
        JsonNode french = admin.inLanguage("fr").get(events()).json();
        JsonNode updated = french.get("items").get(0);
        assertThat(updated.get("action").asString()).isEqualTo("device.updated");
        assertThat(updated.get("actionLabel").asString()).isEqualTo("Libellé modifié");
        assertThat(updated.get("summary").asString()).contains("« Reception »");
        french.get("items").forEach(e -> {
            assertThat(e.get("actionLabel").asString()).as("no raw key").isNotEqualTo(e.get("action").asString());
            assertThat(e.get("summary").asString()).as("no English in French").doesNotContain(" at ", " from ");
        });
        JsonNode created = french.get("items").get(1);
        assertThat(created.get("actionLabel").asString()).isEqualTo("Appareil ajouté");
        assertThat(created.get("summary").asString()).contains(" à ");
    }

    @Test
    void filtersByObjectTypeAdminAndDay() {
        assertThat(actions(get(admin, "?objectType=device"))).containsExactly("device.updated", "device.created");
        assertThat(actions(get(admin, "?objectType=site"))).containsExactly("site.created");
        assertThat(actions(get(admin, "?actor=ADMIN-"))).contains("device.updated").doesNotContain("admin.created");
        assertThat(actions(get(admin, "?actor=provider@switchboard"))).containsExactly("admin.created", "customer.created");
        assertThat(get(admin, "?actor=nobody@nowhere").get("items")).isEmpty();

        jdbc.sql("update audit_event set created_at = now() - interval '10 days' where action = 'site.created' and object_id = :id")
                .param("id", Long.toString(site)).update();
        LocalDate today = LocalDate.now();
        assertThat(actions(get(admin, "?from=" + today.minusDays(1)))).doesNotContain("site.created").contains("device.created");
        assertThat(actions(get(admin, "?to=" + today.minusDays(5)))).containsExactly("site.created");
        assertThat(actions(get(admin, "?from=" + today.minusDays(11) + "&to=" + today.minusDays(9)))).containsExactly("site.created");
        assertThat(admin.get(events() + "?from=" + today + "&to=" + today.minusDays(1)).status()).isEqualTo(400);
        assertThat(admin.get(events() + "?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    void pagesThroughTheLog() {
        JsonNode first = get(admin, "?size=2");
        JsonNode second = get(admin, "?size=2&page=1");
        assertThat(first.get("items")).hasSize(2);
        assertThat(actions(second)).doesNotContainAnyElementsOf(actions(first).subList(0, 1));
        assertThat(get(admin, "?size=2&page=99").get("items")).isEmpty();
        assertThat(admin.get(events() + "?size=501").status()).isEqualTo(400);
        assertThat(admin.get(events() + "?page=-1").status()).isEqualTo(400);
    }

    @Test
    void anotherCustomersLogIsNotFound() {
        long other = TestData.customer(provider, "CA");
        ApiClient stranger = TestData.customerAdmin(port, provider, other);
        ApiClient.Response answer = stranger.get(events());
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("customer.not-found");
        JsonNode own = stranger.get("/api/v1/customers/" + other + "/audit-events").json();
        assertThat(actions(own)).doesNotContain("device.created", "device.updated", "site.created");
        assertThat(provider.get("/api/v1/customers/999999999/audit-events").status()).isEqualTo(404);
        assertThat(ApiClient.anonymous(port).get(events()).status()).isEqualTo(401);
    }
}
