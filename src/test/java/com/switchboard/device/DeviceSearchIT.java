package com.switchboard.device;

import java.util.ArrayList;
import java.util.HashMap;
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

/** The devices list of the API: search, filters, sort and paging, always inside one customer. */
@SwitchboardTest
class DeviceSearchIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    long customer;
    long montreal;
    long toronto;
    long t46u;
    long vvx;
    /** MAC (AA:BB:…) → device id of this test's customer. */
    final Map<String, Long> devices = new HashMap<>();
    /** A device of another customer that shares MAC digits and labels with this one's. */
    String foreignMac;

    @BeforeEach
    void inventory() {
        ApiClient provider = ApiClient.provider(port);
        customer = TestData.customer(provider, "CA");
        admin = TestData.customerAdmin(port, provider, customer);
        montreal = TestData.site(admin, customer, "Montréal", "CA", "America/Toronto");
        toronto = TestData.site(admin, customer, "Toronto", "CA", "America/Toronto");
        t46u = TestData.model(admin, "Yealink T46U");
        vvx = TestData.model(admin, "Poly VVX 450");
        add(montreal, t46u, "Reception");
        add(montreal, t46u, "Room 204");
        add(montreal, vvx, null);
        add(toronto, t46u, "Boardroom");
        add(toronto, vvx, "reception desk");

        long other = TestData.customer(provider, "CA");
        ApiClient otherAdmin = TestData.customerAdmin(port, provider, other);
        long otherSite = TestData.site(otherAdmin, other, "Montréal", "CA", "America/Toronto");
        foreignMac = TestData.uniqueMac("805EC0");
        assertThat(otherAdmin.post("/api/v1/customers/" + other + "/devices",
                Map.of("siteId", otherSite, "modelId", t46u, "macAddress", foreignMac, "label", "Reception")).status()).isEqualTo(201);
    }

    private void add(long site, long model, String label) {
        String mac = TestData.uniqueMac(model == t46u ? "805EC0" : "0004F2");
        Map<String, Object> body = new HashMap<>(Map.of("siteId", site, "modelId", model, "macAddress", mac));
        if (label != null) {
            body.put("label", label);
        }
        ApiClient.Response added = admin.post("/api/v1/customers/" + customer + "/devices", body);
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        devices.put(mac, added.json().get("id").asLong());
    }

    private JsonNode list(String query) {
        ApiClient.Response answer = admin.get("/api/v1/customers/" + customer + "/devices" + query);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private List<String> macs(String query) {
        List<String> macs = new ArrayList<>();
        list(query).get("items").forEach(i -> macs.add(i.get("macAddress").asString()));
        return macs;
    }

    private String anyMac() {
        return devices.keySet().stream().filter(m -> m.startsWith("80")).findFirst().orElseThrow();
    }

    @Test
    void findsADeviceByItsMacInEveryAcceptedForm() {
        String mac = anyMac();
        String digits = mac.replace(":", "");
        for (String typed : List.of(mac, mac.toLowerCase(), mac.replace(':', '-'),
                digits.substring(0, 4) + "." + digits.substring(4, 8) + "." + digits.substring(8), digits.toLowerCase(),
                "  " + mac + " ")) {
            assertThat(macs("?q=" + encode(typed))).as(typed).containsExactly(mac);
        }
    }

    @Test
    void findsDevicesByAPartOfTheirMac() {
        String mac = anyMac();
        String digits = mac.replace(":", "");
        String middle = digits.substring(6, 10); // two octets, as "BB:CC" or "bbcc"
        String typedWithColon = middle.substring(0, 2) + ":" + middle.substring(2);
        assertThat(macs("?q=" + encode(typedWithColon))).contains(mac).allMatch(m -> m.replace(":", "").contains(middle));
        assertThat(macs("?q=" + middle.toLowerCase())).contains(mac);
        // Every Poly device of this customer and none of the other customer's, even if the fragment matches there too.
        assertThat(macs("?q=00-04-F2")).hasSize(2).allMatch(m -> m.startsWith("00:04:F2"));
        assertThat(macs("?q=805EC0")).hasSize(3).doesNotContain(foreignMac);
    }

    @Test
    void findsDevicesByLabelWhateverTheCase() {
        assertThat(list("?q=RECEPTION").get("items")).hasSize(2);
        assertThat(list("?q=room%20204").get("items").get(0).get("label").asString()).isEqualTo("Room 204");
        assertThat(list("?q=nothing-like-this").get("totalItems").asLong()).isZero();
        // A percent sign is a character to find, not a wildcard.
        assertThat(list("?q=%25").get("totalItems").asLong()).isZero();
    }

    @Test
    void filtersBySiteModelStatusAndAssignment() {
        assertThat(list("?siteId=" + montreal).get("totalItems").asLong()).isEqualTo(3);
        assertThat(list("?siteId=" + toronto).get("totalItems").asLong()).isEqualTo(2);
        assertThat(list("?modelId=" + vvx).get("totalItems").asLong()).isEqualTo(2);
        assertThat(list("?siteId=" + toronto + "&modelId=" + vvx).get("items").get(0).get("label").asString())
                .isEqualTo("reception desk");
        assertThat(list("?status=UNASSIGNED").get("totalItems").asLong()).isEqualTo(5);
        assertThat(list("?status=assigned").get("totalItems").asLong()).isZero();

        long assigned = devices.values().iterator().next();
        com.switchboard.TestData.assignToNewUser(jdbc, assigned);
        assertThat(list("?assigned=true").get("items")).singleElement()
                .satisfies(d -> assertThat(d.get("id").asLong()).isEqualTo(assigned));
        assertThat(list("?assigned=false").get("totalItems").asLong()).isEqualTo(4);
        assertThat(list("?status=ASSIGNED").get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void aFilterOnAnotherCustomersSiteFindsNothing() {
        long otherCustomer = TestData.customer(ApiClient.provider(port), "CA");
        long otherSite = TestData.site(ApiClient.provider(port), otherCustomer, "Elsewhere", "CA", "America/Toronto");
        assertThat(list("?siteId=" + otherSite).get("totalItems").asLong()).isZero();
    }

    @Test
    void sortsEachColumnBothWays() {
        List<String> byMac = macs("?sort=mac");
        assertThat(byMac).isSorted().hasSize(5);
        assertThat(macs("?sort=-mac")).containsExactlyElementsOf(reversed(byMac));
        assertThat(macs("?sort=mac,desc")).containsExactlyElementsOf(reversed(byMac));

        List<String> labels = labels("?sort=label");
        assertThat(labels).containsExactly("Boardroom", "Reception", "reception desk", "Room 204", null);
        assertThat(labels("?sort=-label")).containsExactly(null, "Room 204", "reception desk", "Reception", "Boardroom");

        List<String> sites = new ArrayList<>();
        list("?sort=site").get("items").forEach(i -> sites.add(i.get("siteName").asString()));
        assertThat(sites.subList(0, 3)).allMatch(s -> s.startsWith("Montréal"));
        List<String> sitesDesc = new ArrayList<>();
        list("?sort=site,desc").get("items").forEach(i -> sitesDesc.add(i.get("siteName").asString()));
        assertThat(sitesDesc.subList(0, 2)).allMatch(s -> s.startsWith("Toronto"));

        List<Long> newest = ids("");
        assertThat(ids("?sort=createdAt")).containsExactlyElementsOf(reversed(newest));
        assertThat(newest.get(0)).isEqualTo(newest.stream().max(Long::compare).orElseThrow());

        assertThat(admin.get("/api/v1/customers/" + customer + "/devices?sort=colour").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/customers/" + customer + "/devices?sort=label,sideways").status()).isEqualTo(400);
    }

    private List<String> labels(String query) {
        List<String> labels = new ArrayList<>();
        list(query).get("items").forEach(i -> labels.add(i.get("label").isNull() ? null : i.get("label").asString()));
        return labels;
    }

    private List<Long> ids(String query) {
        List<Long> ids = new ArrayList<>();
        list(query).get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    @Test
    void pagesThroughTheListToTheEnd() {
        JsonNode first = list("?size=2&sort=mac");
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("totalItems").asLong()).isEqualTo(5);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        JsonNode last = list("?size=2&page=2&sort=mac");
        assertThat(last.get("items")).hasSize(1);
        List<String> all = new ArrayList<>(macs("?size=2&page=0&sort=mac"));
        all.addAll(macs("?size=2&page=1&sort=mac"));
        all.addAll(macs("?size=2&page=2&sort=mac"));
        assertThat(all).containsExactlyElementsOf(macs("?sort=mac")).doesNotHaveDuplicates();

        JsonNode pastTheEnd = list("?size=2&page=3");
        assertThat(pastTheEnd.get("items")).isEmpty();
        assertThat(pastTheEnd.get("totalItems").asLong()).isEqualTo(5);

        assertThat(list("?size=500").get("items")).hasSize(5);
        ApiClient.Response tooBig = admin.get("/api/v1/customers/" + customer + "/devices?size=501");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
        assertThat(admin.get("/api/v1/customers/" + customer + "/devices?size=0").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/customers/" + customer + "/devices?page=-1").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/customers/" + customer + "/devices?page=x").status()).isEqualTo(400);
    }

    @Test
    void neverShowsAnotherCustomersDevices() {
        assertThat(macs("?size=500")).hasSize(5).doesNotContain(foreignMac);
        assertThat(macs("?q=" + encode(foreignMac))).isEmpty();
        assertThat(macs("?q=Reception&sort=label")).doesNotContain(foreignMac);

        ApiClient stranger = TestData.customerAdmin(port, ApiClient.provider(port), TestData.customer(ApiClient.provider(port), "CA"));
        assertThat(stranger.get("/api/v1/customers/" + customer + "/devices").status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/customers/" + customer + "/devices?q=" + encode(anyMac())).status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentDescribesTheDeviceEndpoints() {
        JsonNode paths = admin.get("/v3/api-docs").json().get("paths");
        JsonNode list = paths.get("/api/v1/customers/{customerId}/devices").get("get");
        List<String> parameters = new ArrayList<>();
        list.get("parameters").forEach(p -> parameters.add(p.get("name").asString()));
        assertThat(parameters).contains("siteId", "modelId", "status", "assigned", "q", "sort", "page", "size");
        list.get("parameters").forEach(p -> {
            if (p.get("name").asString().equals("sort")) {
                assertThat(p.get("description").asString()).contains("-label").contains("label,desc");
            }
        });
        assertThat(paths.get("/api/v1/customers/{customerId}/devices/{deviceId}").has("patch")).isTrue();
        assertThat(paths.get("/api/v1/customers/{customerId}/devices.csv").has("get")).isTrue();
        assertThat(paths.get("/api/v1/customers/{customerId}/audit-events").has("get")).isTrue();
    }

    static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
