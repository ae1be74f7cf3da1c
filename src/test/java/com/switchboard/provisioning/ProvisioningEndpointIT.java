package com.switchboard.provisioning;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What phones get from /provisioning, asked as phones ask: by HTTP, without signing in. */
@SwitchboardTest
class ProvisioningEndpointIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProviderSettings settings;

    @Autowired
    ContactLog contacts;

    @Value("${switchboard.provisioning.max-misses}")
    int maxMisses;

    @Autowired
    ProvisioningChanges changes;

    record Fetched(int status, String body, HttpResponse<String> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    Fetched fetch(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (!headers.containsKey("User-Agent")) {
            request.header("User-Agent", "Yealink SIP-T46U 108.86.0.45 80:5e:c0:00:00:01");
        }
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Fetched(response.statusCode(), response.body(), response);
    }

    Fetched fetch(String path) throws Exception {
        return fetch(path, Map.of());
    }

    String urlOf(TestTenant tenant, String family) {
        ApiClient.Response urls = tenant.admin().get(tenant.path("/provisioning"));
        assertThat(urls.status()).isEqualTo(200);
        return URI.create(urls.json().get("urls").get(family).asString()).getPath();
    }

    String mac(long device) {
        return jdbc.sql("select mac from device where id = :id").param("id", device).query(String.class).single();
    }

    @Test
    void anAssignedYealinkGetsItsLineByTheUrlOfTheProvisioningPageInEitherCase() throws Exception {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        long user = tenant.user(site, "Émilie", "Gagnon", "210");
        long device = tenant.device(site, "Yealink T46U", "805EC0");
        tenant.admin().put(tenant.path("/devices/" + device + "/assignment"), Map.of("userId", user));
        String base = urlOf(tenant, "yealink");
        Map<String, Object> line = jdbc.sql("select username, domain from line where device_id = :id").param("id", device).query().singleRow();

        long sessions = jdbc.sql("select count(*) from spring_session").query(Long.class).single();
        Fetched lower = fetch(base + mac(device).toLowerCase(Locale.ROOT) + ".cfg");
        Fetched upper = fetch(base + mac(device) + ".cfg");
        Fetched common = fetch(base + "y000000000108.cfg");

        assertThat(lower.status()).isEqualTo(200);
        assertThat(upper.status()).isEqualTo(200);
        assertThat(common.status()).isEqualTo(200);
        assertThat(lower.header("Cache-Control")).isEqualTo("no-store");
        assertThat(lower.header("ETag")).isNotBlank();
        assertThat(lower.header("Set-Cookie")).isNull();
        assertThat(jdbc.sql("select count(*) from spring_session").query(Long.class).single()).as("no session row").isEqualTo(sessions);
        Map<String, String> keys = VendorFilesTest.keyValues(lower.body());
        assertThat(keys).containsEntry("account.1.auth_name", (String) line.get("username"))
                .containsEntry("account.1.sip_server.1.address", (String) line.get("domain"))
                .containsEntry("account.1.display_name", "Émilie Gagnon")
                .containsEntry("account.1.outbound_proxy.1.address", settings.sipHost())
                .containsEntry("account.1.sip_server.1.port", Integer.toString(settings.sipPort()));
        String password = keys.get("account.1.password");
        assertThat(password).hasSize(24);
        assertThat(jdbc.sql("select ha1 from line where device_id = :id").param("id", device).query(String.class).single())
                .isEqualTo(Lines.ha1((String) line.get("username"), (String) line.get("domain"), password));

        Fetched again = fetch(base + mac(device) + ".cfg", Map.of("If-None-Match", lower.header("ETag")));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        contacts.flush();
        Map<String, Object> contact = jdbc.sql("select last_fetch_at, last_fetch_ip, last_fetch_agent from device where id = :id")
                .param("id", device).query().singleRow();
        assertThat(contact.get("last_fetch_at")).isNotNull();
        assertThat(contact.get("last_fetch_agent")).asString().startsWith("Yealink SIP-T46U");
    }

    @Test
    void everyMissIsTheSame404() throws Exception {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Québec", "CA", "America/Toronto");
        long user = tenant.user(site, "Louis", "Roy", "100");
        long yealink = tenant.device(site, "Yealink T46U", "805EC0");
        long removed = tenant.device(site, "Yealink T46U", "805EC0");
        tenant.admin().put(tenant.path("/devices/" + yealink + "/assignment"), Map.of("userId", user));
        String removedMac = mac(removed);
        tenant.admin().delete(tenant.path("/devices/" + removed));
        TestTenant other = TestTenant.create(port, "CA");
        long otherSite = other.site("Laval", "CA", "America/Toronto");
        long otherDevice = other.device(otherSite, "Yealink T46U", "805EC0");
        String base = urlOf(tenant, "yealink");
        String key = base.split("/")[2];

        Fetched unknownKey = fetch("/provisioning/" + "A".repeat(32) + "/" + mac(yealink) + ".cfg");
        Fetched unknownMac = fetch(base + "805EC0FFFFF0.cfg");
        Fetched otherCustomers = fetch(base + mac(otherDevice) + ".cfg");
        Fetched otherVendor = fetch(base + "cfg" + mac(yealink).toLowerCase(Locale.ROOT) + ".xml");
        Fetched removedDevice = fetch(base + removedMac + ".cfg");
        Fetched nested = fetch("/provisioning/" + key + "/a/b.cfg");
        Fetched noFile = fetch("/provisioning/" + key);

        for (Fetched miss : new Fetched[]{unknownKey, unknownMac, otherCustomers, otherVendor, removedDevice, nested, noFile}) {
            assertThat(miss.status()).isEqualTo(404);
            assertThat(miss.body()).isEqualTo(unknownKey.body());
            assertThat(miss.header("Content-Type")).isEqualTo(unknownKey.header("Content-Type"));
            assertThat(miss.header("Cache-Control")).isEqualTo("no-store");
            assertThat(miss.header("ETag")).isNull();
            assertThat(miss.header("Set-Cookie")).isNull();
        }
        assertThat(fetch(base + mac(yealink) + ".cfg").status()).isEqualTo(200);
    }

    @Test
    void theConfigurationFollowsAssignmentPasswordResetAndUnassignment() throws Exception {
        TestTenant tenant = TestTenant.create(port, "FR");
        long site = tenant.site("Paris", "FR", "Europe/Paris");
        long user = tenant.user(site, "Zoé", "Lefèvre", "301");
        long device = tenant.device(site, "Poly Edge E350", "482567");
        String base = urlOf(tenant, "poly");
        String file = base + mac(device).toLowerCase(Locale.ROOT) + "-user.cfg";

        Fetched before = fetch(file);
        assertThat(before.status()).isEqualTo(200);
        assertThat(VendorFilesTest.xml(before.body()).getDocumentElement().getAttribute("reg.1.server.1.register")).isEqualTo("0");

        tenant.admin().put(tenant.path("/devices/" + device + "/assignment"), Map.of("userId", user));
        Fetched assigned = fetch(file);
        String password = VendorFilesTest.xml(assigned.body()).getDocumentElement().getAttribute("reg.1.auth.password");
        assertThat(password).hasSize(24);
        assertThat(assigned.header("ETag")).isNotEqualTo(before.header("ETag"));

        assertThat(tenant.admin().post(tenant.path("/devices/" + device + "/line/password"), Map.of()).status()).isEqualTo(204);
        Fetched reset = fetch(file);
        String newPassword = VendorFilesTest.xml(reset.body()).getDocumentElement().getAttribute("reg.1.auth.password");
        assertThat(newPassword).hasSize(24).isNotEqualTo(password);
        assertThat(fetch(file, Map.of("If-None-Match", assigned.header("ETag"))).status()).isEqualTo(200);

        tenant.admin().delete(tenant.path("/devices/" + device + "/assignment"));
        Fetched unassigned = fetch(file);
        assertThat(unassigned.body()).doesNotContain(newPassword).contains("reg.1.server.1.register=\"0\"");

        tenant.admin().delete(tenant.path("/devices/" + device));
        assertThat(fetch(file).status()).isEqualTo(404);
    }

    @Test
    void theServedFileFollowsAMoveAUserAndASiteChange() throws Exception {
        TestTenant tenant = TestTenant.create(port, "CA");
        long montreal = tenant.site("Montréal", "CA", "America/Toronto");
        long vancouver = tenant.site("Vancouver", "CA", "America/Vancouver");
        long user = tenant.user(montreal, "Émilie", "Gagnon", "210");
        long device = tenant.device(montreal, "Yealink T46U", "805EC0");
        tenant.admin().put(tenant.path("/devices/" + device + "/assignment"), Map.of("userId", user));
        String file = urlOf(tenant, "yealink") + mac(device) + ".cfg";
        assertThat(VendorFilesTest.keyValues(fetch(file).body())).containsEntry("account.1.display_name", "Émilie Gagnon")
                .containsEntry("local_time.time_zone", "-5");

        assertThat(tenant.admin().patch(tenant.path("/users/" + user), Map.of("firstName", "Émile")).status()).isEqualTo(200);
        assertThat(VendorFilesTest.keyValues(fetch(file).body())).containsEntry("account.1.display_name", "Émile Gagnon");

        assertThat(tenant.admin().patch(tenant.path("/sites/" + montreal), Map.of("timeZone", "America/Halifax")).status())
                .isEqualTo(200);
        assertThat(VendorFilesTest.keyValues(fetch(file).body())).containsEntry("local_time.time_zone", "-4");

        // An assigned device is not moved: it is unassigned first.
        tenant.admin().delete(tenant.path("/devices/" + device + "/assignment"));
        assertThat(VendorFilesTest.keyValues(fetch(file).body())).doesNotContainKey("account.1.password");
        assertThat(tenant.admin().patch(tenant.path("/devices/" + device), Map.of("siteId", vancouver)).status()).isEqualTo(200);
        assertThat(VendorFilesTest.keyValues(fetch(file).body())).containsEntry("local_time.time_zone", "-8");
    }

    @Test
    void aChangeCommittedByAnotherServerIsServedAfterTheNextPoll() throws Exception {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Laval", "CA", "America/Toronto");
        long user = tenant.user(site, "Louis", "Roy", "100");
        long device = tenant.device(site, "Yealink T46U", "805EC0");
        tenant.admin().put(tenant.path("/devices/" + device + "/assignment"), Map.of("userId", user));
        String old = urlOf(tenant, "yealink");
        assertThat(fetch(old + mac(device) + ".cfg").body()).contains("Louis Roy");

        // What another server's transactions leave in the shared database: the change, and its notice.
        jdbc.sql("update app_user set first_name = 'Lou' where id = :id").param("id", user).update();
        jdbc.sql("update customer_sip set provisioning_key = :key where customer_id = :id")
                .param("key", "B".repeat(32)).param("id", tenant.customerId()).update();
        jdbc.sql("insert into provisioning_change (customer_id) values (:id)").param("id", tenant.customerId()).update();
        changes.poll();

        assertThat(fetch(old + mac(device) + ".cfg").status()).isEqualTo(404);
        Fetched fresh = fetch("/provisioning/" + "B".repeat(32) + "/" + mac(device) + ".cfg");
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(VendorFilesTest.keyValues(fresh.body())).containsEntry("account.1.display_name", "Lou Roy");
    }

    @Test
    void tooManyMissesFromOneAddressAreAnswered429WithRetryAfter() throws Exception {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Lévis", "CA", "America/Toronto");
        long device = tenant.device(site, "Yealink T46U", "805EC0");
        String base = urlOf(tenant, "yealink");
        // The portal trusts X-Forwarded-For from loopback (a proxy): this client is a documentation address.
        Map<String, String> client = Map.of("X-Forwarded-For", "100.64.0." + (int) (Math.random() * 200 + 1));

        for (int i = 0; i < maxMisses; i++) {
            assertThat(fetch(base + String.format("805EC0F%05X.cfg", i), client).status()).isEqualTo(404);
        }
        Fetched over = fetch(base + "805EC0FFFFFE.cfg", client);
        Fetched hit = fetch(base + mac(device) + ".cfg", client);

        assertThat(over.status()).isEqualTo(429);
        assertThat(Long.parseLong(over.header("Retry-After"))).isBetween(1L, 600L);
        assertThat(over.header("Cache-Control")).isEqualTo("no-store");
        assertThat(hit.status()).isEqualTo(429);
        assertThat(fetch(base + mac(device) + ".cfg").status()).as("another address").isEqualTo(200);
    }

    @Test
    void eachVendorsPhoneIsServedItsOwnFileAndUploadsAreRefused() throws Exception {
        TestTenant tenant = TestTenant.create(port, "FR");
        long site = tenant.site("Lyon", "FR", "Europe/Paris");
        String base = urlOf(tenant, "yealink");
        Map<String, String> files = Map.of(
                "Cisco 8851", "%s.xml", "Grandstream GRP2614", "cfg%s.xml", "Snom D785", "%S.xml", "Poly Edge E350", "%s.cfg");
        Map<String, String> ouis = Map.of("Cisco 8851", "5475D0", "Grandstream GRP2614", "C074AD", "Snom D785", "000413",
                "Poly Edge E350", "482567");
        for (var entry : files.entrySet()) {
            long device = tenant.device(site, entry.getKey(), ouis.get(entry.getKey()));
            String name = String.format(Locale.ROOT, entry.getValue(), mac(device).toLowerCase(Locale.ROOT));
            Fetched fetched = fetch(base + name);
            assertThat(fetched.status()).as(name).isEqualTo(200);
            assertThat(fetched.header("Content-Type")).as(name).startsWith("application/xml");
            VendorFilesTest.xml(fetched.body());
        }
        assertThat(fetch(base + "000000000000.cfg").body()).contains("[PHONE_MAC_ADDRESS]-user.cfg");
        assertThat(fetch(base + "snomD785.htm").body()).contains("{mac}.xml");

        HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + base + "0004f2123456-app.log"))
                .PUT(HttpRequest.BodyPublishers.ofString("log line")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(403);
        assertThat(upload.body()).isEmpty();
    }

    @Test
    void rotatingTheKeyRetiresTheOldUrls() throws Exception {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Gatineau", "CA", "America/Toronto");
        long device = tenant.device(site, "Yealink T46U", "805EC0");
        String old = urlOf(tenant, "yealink");

        ApiClient.Response rotated = tenant.admin().post(tenant.path("/provisioning/key"), Map.of());

        assertThat(rotated.status()).isEqualTo(200);
        String fresh = URI.create(rotated.json().get("urls").get("yealink").asString()).getPath();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(fetch(old + mac(device) + ".cfg").status()).isEqualTo(404);
        assertThat(fetch(fresh + mac(device) + ".cfg").status()).isEqualTo(200);
        assertThat(tenant.admin().get(tenant.path("/audit-events")).text()).contains("provisioning.key-rotated");
    }

    @Test
    void theFetchLogShowsPhonesThatAreNotInTheInventory() throws Exception {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Sherbrooke", "CA", "America/Toronto");
        long known = tenant.device(site, "Yealink T46U", "805EC0");
        String base = urlOf(tenant, "yealink");
        assertThat(fetch(base + mac(known) + ".cfg").status()).isEqualTo(200);
        assertThat(fetch(base + "805EC0ABCDE0.cfg", Map.of("User-Agent", "Yealink SIP-T54W 96.86.0.45 80:5e:c0:ab:cd:e0")).status())
                .isEqualTo(404);

        ApiClient.Response all = tenant.admin().get(tenant.path("/provisioning/fetches"));
        ApiClient.Response unknown = tenant.admin().get(tenant.path("/provisioning/fetches?unknown=true"));

        assertThat(all.json().size()).isEqualTo(2);
        assertThat(unknown.json().size()).isEqualTo(1);
        assertThat(unknown.json().get(0).get("macAddress").asString()).isEqualTo("80:5E:C0:AB:CD:E0");
        assertThat(unknown.json().get(0).get("status").asInt()).isEqualTo(404);
        assertThat(unknown.json().get(0).get("modelGuess").asString()).isEqualTo("T54W");
        assertThat(unknown.json().get(0).get("deviceId").isNull()).isTrue();
        assertThat(unknown.json().get(0).get("address").asString()).isEqualTo("127.0.0.1");
    }
}
