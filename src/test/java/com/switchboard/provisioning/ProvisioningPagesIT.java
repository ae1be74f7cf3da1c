package com.switchboard.provisioning;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import com.switchboard.PageSession;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The device list and page show each phone's provisioning status and last contact; the list filters by status. */
@SwitchboardTest
class ProvisioningPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.util.Optional<RegistrarAttachment> registrar;

    @Autowired
    ProviderSettings settings;

    @Autowired
    ContactLog contacts;

    HttpResponse<String> fetch(String path, String userAgent, String address) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("User-Agent", userAgent).header("X-Forwarded-For", address).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void addDeviceForAnUnknownPhoneChoosesTheSiteOfItsNeighboursAndTheModelOfItsUserAgent() throws Exception {
        TestTenant tenant = TestTenant.create(port, "CA");
        long montreal = tenant.site("Montréal", "CA", "America/Toronto");
        long toronto = tenant.site("Toronto", "CA", "America/Toronto");
        long known = tenant.device(toronto, "Yealink T46U", "805EC0");
        String base = URI.create(tenant.admin().get(tenant.path("/provisioning")).json().get("urls").get("yealink").asString()).getPath();
        String mac = jdbc.sql("select mac from device where id = :id").param("id", known).query(String.class).single();
        long t54w = jdbc.sql("select id from device_model where model = 'T54W'").query(Long.class).single();
        String office = "100.64.2." + (int) (Math.random() * 200 + 1);
        fetch(base + mac + ".cfg", "Yealink SIP-T46U 108.86.0.45", office);
        fetch(base + "805EC0ABC001.cfg", "Yealink SIP-T54W 96.86.0.45", office);
        fetch(base + "805EC0ABC002.cfg", "Yealink SIP-T54W 96.86.0.45", "100.64.3.1");

        String page = tenant.pages(port).get("/provisioning").body();

        assertThat(page).contains("/devices/new?macAddress=80:5E:C0:AB:C0:01&amp;siteId=" + toronto + "&amp;modelId=" + t54w)
                .contains("/devices/new?macAddress=80:5E:C0:AB:C0:02&amp;siteId=" + montreal + "&amp;modelId=" + t54w);
        String form = tenant.pages(port).get("/devices/new?macAddress=80:5E:C0:AB:C0:02&siteId=" + montreal + "&modelId=" + t54w).body();
        assertThat(form).containsPattern("<option[^>]*value=\"" + t54w + "\"[^>]*selected");
    }

    @Test
    void theListAndTheDevicePageShowTheLastContactAndFilterByStatus() throws Exception {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        long contacted = tenant.device(site, "Yealink T46U", "805EC0");
        long never = tenant.device(site, "Yealink T46U", "805EC0");
        String base = URI.create(tenant.admin().get(tenant.path("/provisioning")).json().get("urls").get("yealink").asString()).getPath();
        String mac = jdbc.sql("select mac from device where id = :id").param("id", contacted).query(String.class).single();
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + base + mac.toLowerCase(Locale.ROOT) + ".cfg"))
                .header("User-Agent", "Yealink SIP-T46U 108.86.0.45").build(), HttpResponse.BodyHandlers.ofString());
        contacts.flush();
        PageSession pages = tenant.pages(port);

        String configured = pages.get("/devices?provisioningStatus=CONFIGURED").body();
        String neverContacted = pages.get("/devices?provisioningStatus=NEVER_CONTACTED").body();
        String section = pages.get("/devices/" + contacted + "/provisioning").body();

        assertThat(configured).contains("/devices/" + contacted + "\"").doesNotContain("/devices/" + never + "\"")
                .contains("127.0.0.1");
        assertThat(neverContacted).contains("/devices/" + never + "\"").doesNotContain("/devices/" + contacted + "\"");
        assertThat(section).contains("Configured").contains("127.0.0.1").contains("Yealink SIP-T46U 108.86.0.45")
                .contains("account.1.enable = 0");
        assertThat(pages.get("/provisioning").body()).contains(base).contains(mac.substring(0, 2) + ":");
        assertThat(pages.get("/devices/" + never + "/provisioning").body()).contains("Never contacted");
    }

    @Test
    void theProvisioningPageSaysWhetherARegistrarAnswersAtTheAddressInThePhonesFiles() {
        TestTenant tenant = TestTenant.create(port, "CA");
        String page = tenant.pages(port).get("/provisioning").body();
        String address = settings.sipHost() + ":" + settings.sipPort();

        // The portal's own Kamailio where it is installed (always in CI), none where it is not.
        if (registrar.map(RegistrarAttachment::attached).orElse(false)) {
            assertThat(page).contains("id=\"registrar-status\"").contains("Phones register with the registrar at " + address)
                    .doesNotContain("No registrar is attached");
        } else {
            assertThat(page).contains("id=\"registrar-status\"").contains("No registrar is attached")
                    .contains("nothing answers at " + address);
        }
    }
}
