package com.switchboard.device;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import com.switchboard.rules.DomainException;
import com.switchboard.rules.NotFound;
import com.switchboard.tenancy.CustomerId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Edit (label, move) and remove, through the API and the inventory the pages use. */
@SwitchboardTest
class DeviceChangeIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeviceInventory inventory;

    ApiClient provider;
    ApiClient admin;
    long customer;
    long montreal;
    long toronto;
    long paris;
    long t46u;
    long vvx250;

    @BeforeEach
    void customerWithSites() {
        provider = ApiClient.provider(port);
        customer = TestData.customer(provider, "CA");
        admin = TestData.customerAdmin(port, provider, customer);
        montreal = TestData.site(admin, customer, "Montréal", "CA", "America/Toronto");
        toronto = TestData.site(admin, customer, "Toronto", "CA", "America/Toronto");
        paris = TestData.site(admin, customer, "Paris", "FR", "Europe/Paris");
        t46u = TestData.model(admin, "Yealink T46U");
        vvx250 = TestData.model(admin, "Poly VVX 250"); // sold in CA, US and GB, not in FR
    }

    private long add(long site, long model, String label) {
        Map<String, Object> body = new HashMap<>(Map.of("siteId", site, "modelId", model,
                "macAddress", TestData.uniqueMac(model == t46u ? "805EC0" : "0004F2")));
        if (label != null) {
            body.put("label", label);
        }
        ApiClient.Response added = admin.post(devices(), body);
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return added.json().get("id").asLong();
    }

    private String devices() {
        return "/api/v1/customers/" + customer + "/devices";
    }

    private List<String> actions(long deviceId) {
        return jdbc.sql("select action from audit_event where object_type = 'device' and object_id = :id order by id")
                .param("id", Long.toString(deviceId)).query(String.class).list();
    }

    @Test
    void changesTheLabelAndRecordsIt() {
        long id = add(montreal, t46u, "Reception");
        ApiClient.Response changed = admin.patch(devices() + "/" + id, Map.of("label", "  Room 204 "));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().get("label").asString()).isEqualTo("Room 204");
        assertThat(changed.json().get("siteId").asLong()).isEqualTo(montreal);
        assertThat(actions(id)).containsExactly("device.created", "device.updated");

        assertThat(admin.patch(devices() + "/" + id, "{\"label\": null}").json().get("label").isNull()).isTrue();
        assertThat(admin.patch(devices() + "/" + id, "{}").status()).isEqualTo(200);
        assertThat(admin.patch(devices() + "/" + id, Map.of("label", "x".repeat(101))).status()).isEqualTo(422);
        assertThat(admin.patch(devices() + "/" + id, Map.of("label", 12)).status()).isEqualTo(400);
        assertThat(admin.patch(devices() + "/" + id, "{\"siteId\": \"Toronto\"}").status()).isEqualTo(400);
        assertThat(admin.patch(devices() + "/" + id, "not json").status()).isEqualTo(400);
    }

    @Test
    void movesAnUnassignedDeviceToASiteWhereItsModelIsSold() {
        long id = add(montreal, t46u, null);
        ApiClient.Response moved = admin.patch(devices() + "/" + id, Map.of("siteId", paris));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.json().get("siteId").asLong()).isEqualTo(paris);
        assertThat(jdbc.sql("select site_id from device where id = :id").param("id", id).query(Long.class).single()).isEqualTo(paris);
        assertThat(actions(id)).containsExactly("device.created", "device.moved");
        assertThat(jdbc.sql("select summary_args::text from audit_event where action = 'device.moved' and object_id = :id")
                .param("id", Long.toString(id)).query(String.class).single()).contains("Montréal").contains("Paris");
    }

    @Test
    void refusesToMoveADeviceWhereItsModelIsNotSold() {
        long id = add(montreal, vvx250, null);
        ApiClient.Response refused = admin.inLanguage("fr").patch(devices() + "/" + id, Map.of("siteId", paris));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("device.move.model-not-available");
        assertThat(refused.json().get("detail").asString()).contains("Poly VVX 250").contains("n''est pas".replace("''", "'"));
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("siteId");
        assertThat(jdbc.sql("select site_id from device where id = :id").param("id", id).query(Long.class).single()).isEqualTo(montreal);
        // Within the country it moves.
        assertThat(admin.patch(devices() + "/" + id, Map.of("siteId", toronto)).status()).isEqualTo(200);
    }

    @Test
    void refusesToMoveAnAssignedDevice() {
        long id = add(montreal, t46u, "Reception");
        com.switchboard.TestData.assignToNewUser(jdbc, id);
        ApiClient.Response refused = admin.patch(devices() + "/" + id, Map.of("siteId", toronto, "label", "Moved"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("device.move.assigned");
        // All or nothing: the label did not change either.
        assertThat(admin.get(devices() + "/" + id).json().get("label").asString()).isEqualTo("Reception");
        assertThat(actions(id)).containsExactly("device.created");
        // Its label still changes while it stays.
        assertThat(admin.patch(devices() + "/" + id, Map.of("siteId", montreal, "label", "Desk")).status()).isEqualTo(200);
    }

    @Test
    void aForeignSiteOrDeviceIsNotFound() {
        long id = add(montreal, t46u, null);
        long other = TestData.customer(provider, "CA");
        ApiClient otherAdmin = TestData.customerAdmin(port, provider, other);
        long otherSite = TestData.site(otherAdmin, other, "Montréal", "CA", "America/Toronto");

        ApiClient.Response toForeignSite = admin.patch(devices() + "/" + id, Map.of("siteId", otherSite));
        assertThat(toForeignSite.status()).isEqualTo(404);
        assertThat(toForeignSite.code()).isEqualTo("site.not-found");
        assertThat(otherAdmin.patch("/api/v1/customers/" + other + "/devices/" + id, Map.of("label", "Mine")).status()).isEqualTo(404);
        assertThat(otherAdmin.patch(devices() + "/" + id, Map.of("label", "Mine")).status()).isEqualTo(404);
        assertThat(otherAdmin.delete("/api/v1/customers/" + other + "/devices/" + id).status()).isEqualTo(404);
        assertThat(admin.get(devices() + "/" + id).status()).isEqualTo(200);
    }

    @Test
    void removesOneDevice() {
        long id = add(montreal, t46u, null);
        assertThat(admin.delete(devices() + "/" + id).status()).isEqualTo(204);
        assertThat(admin.get(devices() + "/" + id).status()).isEqualTo(404);
        assertThat(admin.delete(devices() + "/" + id).status()).isEqualTo(404);
        assertThat(actions(id)).containsExactly("device.created", "device.deleted");
    }

    @Test
    void removesASelectionAllOrNothing() {
        long a = add(montreal, t46u, null);
        long b = add(toronto, t46u, null);
        long c = add(toronto, vvx250, null);
        long other = TestData.customer(provider, "CA");
        ApiClient otherAdmin = TestData.customerAdmin(port, provider, other);
        long otherSite = TestData.site(otherAdmin, other, "Montréal", "CA", "America/Toronto");
        long foreign = otherAdmin.post("/api/v1/customers/" + other + "/devices", Map.of("siteId", otherSite, "modelId", t46u,
                "macAddress", TestData.uniqueMac("805EC0"))).json().get("id").asLong();
        CustomerId mine = new CustomerId(customer);

        // A foreign id in the selection: not found, and nothing is removed, not even the customer's own.
        assertThatThrownBy(() -> inventory.removeAll(mine, List.of(new DeviceId(a), new DeviceId(foreign))))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> inventory.removeAll(mine, List.of(new DeviceId(a), new DeviceId(Long.MAX_VALUE))))
                .isInstanceOf(DomainException.class);
        assertThat(count(a, b, c, foreign)).isEqualTo(4);

        List<DeviceView> removed = inventory.removeAll(mine, List.of(new DeviceId(a), new DeviceId(b), new DeviceId(a)));
        assertThat(removed).extracting(d -> d.id().value()).containsExactlyInAnyOrder(a, b);
        assertThat(count(a, b, c, foreign)).isEqualTo(2);
        assertThat(actions(a)).containsExactly("device.created", "device.deleted");
        assertThat(actions(b)).containsExactly("device.created", "device.deleted");

        assertThatThrownBy(() -> inventory.removeAll(mine, List.of())).isInstanceOf(DomainException.class);
    }

    @Test
    void theConfirmationNamesEachDeviceAndSaysWhichAreAssigned() {
        long a = add(montreal, t46u, "Reception");
        long b = add(toronto, t46u, null);
        com.switchboard.TestData.assignToNewUser(jdbc, b);
        List<DeviceView> named = inventory.devicesToRemove(new CustomerId(customer), List.of(new DeviceId(a), new DeviceId(b)));
        assertThat(named).extracting(d -> d.id().value()).containsExactlyInAnyOrder(a, b);
        assertThat(named).filteredOn(d -> d.assignedUserId() != null).extracting(d -> d.id().value()).containsExactly(b);
        assertThat(count(a, b)).isEqualTo(2);
    }

    private long count(long... ids) {
        return jdbc.sql("select count(*) from device where id in (:ids)")
                .param("ids", java.util.Arrays.stream(ids).boxed().toList()).query(Long.class).single();
    }
}
