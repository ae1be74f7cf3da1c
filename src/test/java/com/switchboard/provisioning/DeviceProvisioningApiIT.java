package com.switchboard.provisioning;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;

import com.switchboard.ApiClient;
import com.switchboard.PageSession;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestTenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A device's line, last contact and provisioning status in the API; the line password nowhere but in the phone's file. */
@SwitchboardTest
@ExtendWith(OutputCaptureExtension.class)
class DeviceProvisioningApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ContactLog contacts;

    String phoneFile(TestTenant tenant, long device) throws Exception {
        String base = URI.create(tenant.admin().get(tenant.path("/provisioning")).json().get("urls").get("yealink").asString()).getPath();
        String mac = jdbc.sql("select mac from device where id = :id").param("id", device).query(String.class).single();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + base
                + mac.toLowerCase(Locale.ROOT) + ".cfg")).header("User-Agent", "Yealink SIP-T46U 108.86.0.45").build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aDeviceCarriesItsLineLastContactAndStatusFilterable() throws Exception {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        long user = tenant.user(site, "Émilie", "Gagnon", "210");
        tenant.admin().put(tenant.path("/numbers/" + tenant.number(site, "+1 438 555 0177") + "/assignment"), Map.of("userId", user));
        long fetched = tenant.device(site, "Yealink T46U", "805EC0");
        long never = tenant.device(site, "Yealink T46U", "805EC0");
        long stale = tenant.device(site, "Yealink T46U", "805EC0");
        tenant.admin().put(tenant.path("/devices/" + fetched + "/assignment"), Map.of("userId", user));
        phoneFile(tenant, fetched);
        contacts.flush();
        jdbc.sql("update device set last_fetch_at = now() - interval '30 days', last_fetch_ip = '192.0.2.9' where id = :id")
                .param("id", stale).update();

        JsonNode device = tenant.admin().get(tenant.path("/devices/" + fetched)).json();

        assertThat(device.get("line").get("username").asString()).matches("[a-z0-9]{20}");
        assertThat(device.get("line").get("domain").asString()).endsWith(".sip.switchboard.local");
        assertThat(device.get("line").get("extension").asString()).isEqualTo("210");
        assertThat(device.get("line").get("number").asString()).isEqualTo("+14385550177");
        assertThat(device.get("line").has("password")).isFalse();
        assertThat(device.get("lastContact").get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(device.get("lastContact").get("userAgent").asString()).startsWith("Yealink SIP-T46U");
        assertThat(device.get("provisioningStatus").asString()).isEqualTo("CONFIGURED");
        JsonNode neverContacted = tenant.admin().get(tenant.path("/devices/" + never)).json();
        assertThat(neverContacted.get("line").isNull()).isTrue();
        assertThat(neverContacted.get("lastContact").isNull()).isTrue();
        assertThat(neverContacted.get("provisioningStatus").asString()).isEqualTo("NEVER_CONTACTED");
        assertThat(ids(tenant, "?provisioningStatus=STALE")).containsExactly(stale);
        assertThat(ids(tenant, "?provisioningStatus=CONFIGURED")).containsExactly(fetched);
        assertThat(ids(tenant, "?provisioningStatus=never_contacted")).containsExactly(never);
        ApiClient.Response refused = tenant.admin().get(tenant.path("/devices?provisioningStatus=SOMETIMES"));
        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void theLinePasswordIsInThePhonesFileOnly(CapturedOutput output) throws Exception {
        TestTenant tenant = TestTenant.create(port, "FR");
        long site = tenant.site("Paris", "FR", "Europe/Paris");
        long user = tenant.user(site, "Zoé", "Lefèvre", "301");
        long device = tenant.device(site, "Yealink T46U", "805EC0");
        tenant.admin().put(tenant.path("/devices/" + device + "/assignment"), Map.of("userId", user));
        tenant.admin().post(tenant.path("/devices/" + device + "/line/password"), Map.of());
        String password = VendorFilesTest.keyValues(phoneFile(tenant, device)).get("account.1.password");
        assertThat(password).hasSize(24);

        ApiClient.Response configuration = tenant.admin().get(tenant.path("/devices/" + device + "/configuration"));
        assertThat(configuration.status()).isEqualTo(200);
        assertThat(configuration.text()).contains("account.1.password = ********");
        PageSession pages = tenant.pages(port);
        for (String answer : new String[]{configuration.text(),
                tenant.admin().get(tenant.path("/devices/" + device)).text(),
                tenant.admin().get(tenant.path("/devices")).text(),
                tenant.admin().get(tenant.path("/audit-events")).text(),
                tenant.admin().get(tenant.path("/provisioning/fetches")).text(),
                tenant.admin().get(tenant.path("/devices.csv")).text(),
                pages.get("/devices/" + device).body(),
                pages.get("/devices").body(),
                pages.get("/provisioning").body(),
                output.getAll()}) {
            assertThat(answer).doesNotContain(password);
        }
        assertThat(tenant.admin().get(tenant.path("/audit-events")).text()).contains("line.password-reset");
        assertThat(jdbc.sql("select count(*) from audit_event where summary_args::text like :p or object_id like :p")
                .param("p", "%" + password + "%").query(Long.class).single()).isZero();
    }

    @Test
    void resettingThePasswordOfADeviceWithoutALineOrOfAnotherCustomerIsRefused() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Laval", "CA", "America/Toronto");
        long device = tenant.device(site, "Yealink T46U", "805EC0");
        TestTenant other = TestTenant.create(port, "CA");

        assertThat(tenant.admin().post(tenant.path("/devices/" + device + "/line/password"), Map.of()).code())
                .isEqualTo("provisioning.line.none");
        assertThat(other.admin().post(other.path("/devices/" + device + "/line/password"), Map.of()).status()).isEqualTo(404);
        assertThat(other.admin().get(other.path("/devices/" + device + "/configuration")).status()).isEqualTo(404);
    }

    private java.util.List<Long> ids(TestTenant tenant, String query) {
        ApiClient.Response list = tenant.admin().get(tenant.path("/devices" + query));
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        java.util.List<Long> ids = new java.util.ArrayList<>();
        list.json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
