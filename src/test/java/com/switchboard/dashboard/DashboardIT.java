package com.switchboard.dashboard;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    void theChecklistAndTheCountsFollowRealData() throws Exception {
        TestTenant tenant = TestTenant.create(port, "CA");
        String email = "dashboard-" + UUID.randomUUID() + "@example.test";
        tenant.provider().post("/api/v1/customers/" + tenant.customerId() + "/admins",
                Map.of("email", email, "name", "Dashboard Admin", "password", "dashboard-password-1"));
        Browser page = Browser.signIn(port, email, "dashboard-password-1");

        String empty = page.get("/");
        assertThat(doneSteps(empty)).isEmpty();
        assertThat(count(empty, "count-devices")).isEqualTo("0");

        long site = tenant.site("Montréal", "CA", "America/Toronto");
        assertThat(doneSteps(page.get("/"))).containsExactly("site");

        tenant.device(site, "Yealink T46U", "805EC0");
        long device = tenant.device(site, "Yealink T46U", "805EC0");
        tenant.device(site, "Yealink T54W", "805EC0");
        String withDevices = page.get("/");
        assertThat(doneSteps(withDevices)).containsExactly("site", "devices");
        assertThat(withDevices).contains("id=\"devices-by-model\"").contains("Yealink T46U");

        long number = tenant.number(site, "+1 581 555 0101");
        tenant.number(site, "+1 581 555 0102");
        tenant.admin().post(tenant.path("/user-setups"), Map.of(
                "user", Map.of("firstName", "Jade", "lastName", "Poirier", "email", "jade@example.test", "siteId", site,
                        "extension", "100"), "numberId", number, "deviceId", device));
        String done = page.get("/");

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

    /** A signed-in page session: cookies, the form login with its CSRF token. */
    record Browser(HttpClient http, String base) {

        static Browser signIn(int port, String email, String password) throws IOException, InterruptedException {
            Browser browser = new Browser(HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build(), "http://localhost:" + port);
            String login = browser.get("/login");
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
            assertThat(csrf.find()).isTrue();
            String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
            HttpResponse<String> signedIn = browser.http.send(HttpRequest.newBuilder(URI.create(browser.base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.uri().getPath()).isEqualTo("/");
            return browser;
        }

        String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept-Language", "en").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        }
    }
}
