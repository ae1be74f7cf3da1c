package com.switchboard.dashboard;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.switchboard.PageSession;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The Dashboard as a signed-in admin reads it: its checklist and counts follow the customer's data. */
@SwitchboardTest
class DashboardIT {

    @LocalServerPort
    int port;

    @Test
    void theChecklistAndTheCountsFollowRealData() {
        TestTenant tenant = TestTenant.create(port, "CA");
        String email = "dashboard-" + UUID.randomUUID() + "@example.test";
        tenant.provider().post("/api/v1/customers/" + tenant.customerId() + "/admins",
                Map.of("email", email, "name", "Dashboard Admin", "password", "dashboard-password-1"));
        PageSession page = PageSession.signIn(port, email, "dashboard-password-1");

        String empty = page.get("/").body();
        assertThat(doneSteps(empty)).isEmpty();
        assertThat(count(empty, "count-devices")).isEqualTo("0");

        long site = tenant.site("Montréal", "CA", "America/Toronto");
        assertThat(doneSteps(page.get("/").body())).containsExactly("site");

        tenant.device(site, "Yealink T46U", "805EC0");
        long device = tenant.device(site, "Yealink T46U", "805EC0");
        tenant.device(site, "Yealink T54W", "805EC0");
        String withDevices = page.get("/").body();
        assertThat(doneSteps(withDevices)).containsExactly("site", "devices");
        assertThat(withDevices).contains("id=\"devices-by-model\"").contains("Yealink T46U");

        long number = tenant.number(site, "+1 581 555 0101");
        tenant.number(site, "+1 581 555 0102");
        tenant.admin().post(tenant.path("/user-setups"), Map.of(
                "user", Map.of("firstName", "Jade", "lastName", "Poirier", "email", "jade@example.test", "siteId", site,
                        "extension", "100"), "numberId", number, "deviceId", device));
        String done = page.get("/").body();

        assertThat(done).doesNotContain("id=\"getting-started\"");
        assertThat(count(done, "count-devices")).isEqualTo("3");
        assertThat(count(done, "count-users")).isEqualTo("1");
        assertThat(count(done, "count-numbers-available")).isEqualTo("1");
        assertThat(count(done, "count-numbers-assigned")).isEqualTo("1");
        assertThat(done).contains("Jade Poirier");
    }

    private static java.util.List<String> doneSteps(String html) {
        Matcher m = Pattern.compile("<li[^>]*>").matcher(html);
        java.util.List<String> done = new java.util.ArrayList<>();
        while (m.find()) {
            Matcher step = Pattern.compile("id=\"start-(\\w+)\"").matcher(m.group());
            if (step.find() && m.group().contains("sb-done")) {
                done.add(step.group(1));
            }
        }
        return done;
    }

    private static String count(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1).strip();
    }
}
