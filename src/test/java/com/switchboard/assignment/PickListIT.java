package com.switchboard.assignment;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.switchboard.PageSession;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import com.switchboard.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pick-lists offer the first matches of a search, never every free device, number or user of a site,
 * and search without scripts (a plain form) as with them (the options fragment htmx asks for).
 */
@SwitchboardTest
class PickListIT {

    private static final Pattern OPTION_WITH_VALUE = Pattern.compile("<option value=\"\\d+\"");

    @LocalServerPort
    int port;

    @Test
    void pagesOfferTheFirstMatchesAndSearchThemWithAndWithoutScripts() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        List<String> macs = devices(tenant, site, 45);
        for (int i = 0; i < 25; i++) {
            tenant.user(site, "Prenom" + i, "Nom" + i, Integer.toString(200 + i));
        }
        long user = tenant.user(site, "Zoe", "Zenon", "999");
        long number = tenant.number(site, "+1 873 555 0199");
        PageSession pages = tenant.pages(port);
        String wanted = macs.get(30);
        // "80-5E-C0-12-34-56" typed as "1234.56": the last digits in another form.
        String partial = wanted.substring(9, 14).replace(":", "") + "." + wanted.substring(15).replace(":", "");

        String userPage = pages.get("/users/" + user).body();
        // 20 choices at most, whatever the size of the site: the page stays far under 100 KB.
        assertThat(userPage.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(100_000);
        assertThat(options(userPage, "assign-device")).isEqualTo(20);
        assertThat(userPage).contains("id=\"assign-device-q\"").contains("The first 20 matches");

        String searched = pages.get("/users/" + user + "?deviceQ=" + partial).body();
        assertThat(options(searched, "assign-device")).isEqualTo(1);
        assertThat(searched).contains(wanted).contains("value=\"" + partial + "\"");

        String fragment = pages.get("/pick/devices?siteId=" + site + "&deviceQ=" + partial).body();
        assertThat(fragment).startsWith("\n").doesNotContain("<html").contains(wanted);
        assertThat(OPTION_WITH_VALUE.matcher(fragment).results().count()).isEqualTo(1);
        assertThat(pages.get("/pick/devices?siteId=" + site + "&deviceQ=zzzz").body()).contains("Nothing matches “zzzz”");

        String numberPage = pages.get("/numbers/" + number + "/assignment").body();
        assertThat(options(numberPage, "userId")).isEqualTo(20);
        String zoe = pages.get("/numbers/" + number + "/assignment?userQ=zenon").body();
        assertThat(options(zoe, "userId")).isEqualTo(1);
        assertThat(zoe).contains("Zenon, Zoe · 999");
        assertThat(pages.get("/pick/users?siteId=" + site + "&userQ=999").body()).contains("Zenon, Zoe · 999");

        long device = tenant.device(site, "Yealink T46U", "805EC0");
        assertThat(options(pages.get("/devices/" + device + "/assignment").body(), "device-user")).isEqualTo(20);
        assertThat(pages.get("/pick/numbers?siteId=" + site + "&numberQ=0199").body()).contains("(873) 555-0199");
    }

    @Test
    void theWizardSearchesWithoutScriptsAndKeepsWhatWasTyped() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        List<String> macs = devices(tenant, site, 25);
        PageSession pages = tenant.pages(port);
        pages.get("/users/setup/start");
        pages.post("/users/setup/person", Map.of("firstName", "Léa", "lastName", "Roy", "email", "lea.roy@example.test",
                "siteId", Long.toString(site), "extension", "150", "language", "fr"));
        pages.post("/users/setup/number", Map.of("numberId", ""));
        assertThat(options(pages.get("/users/setup/device").body(), "deviceId")).isEqualTo(20);

        String wanted = macs.get(22);
        HttpResponse<String> searched = pages.post("/users/setup/device",
                Map.of("go", "search", "deviceQ", wanted.substring(9), "label", "Accueil"));
        assertThat(searched.statusCode()).isEqualTo(200);
        assertThat(options(searched.body(), "deviceId")).isEqualTo(1);
        assertThat(searched.body()).contains(wanted).contains("value=\"Accueil\"");

        // Chosen from the list, without the radio button: the review says exactly that device.
        String id = searched.body().replaceAll("(?s).*<option value=\"(\\d+)\"[^>]*>" + wanted + ".*", "$1");
        HttpResponse<String> review = pages.post("/users/setup/device", Map.of("go", "next", "deviceId", id, "label", ""));
        assertThat(review.uri().getPath()).isEqualTo("/users/setup/review");
        assertThat(review.body()).containsPattern("id=\"review-device\">\\s*<span>" + wanted);
    }

    /** Adds that many free phones to the site; their MACs. */
    private static List<String> devices(TestTenant tenant, long site, int count) {
        long model = TestData.model(tenant.admin(), "Yealink T46U");
        List<String> macs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String mac = TestData.uniqueMac("805EC0");
            macs.add(mac);
            assertThat(tenant.admin().post(tenant.path("/devices"),
                    Map.of("siteId", site, "modelId", model, "macAddress", mac)).status()).isEqualTo(201);
        }
        return macs;
    }

    /** How many choices (options with an id) the select of that id offers. */
    private static long options(String page, String selectId) {
        int start = page.indexOf("<select class=\"form-select\" id=\"" + selectId + "\"");
        if (start < 0) {
            start = page.indexOf("id=\"" + selectId + "\" name=");
        }
        assertThat(start).as("select #" + selectId).isNotNegative();
        String select = page.substring(start, page.indexOf("</select>", start));
        return OPTION_WITH_VALUE.matcher(select).results().count();
    }
}
