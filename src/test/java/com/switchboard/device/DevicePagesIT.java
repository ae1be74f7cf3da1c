package com.switchboard.device;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.switchboard.ApiClient;
import com.switchboard.PageClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The Devices pages over HTTP, without JavaScript: the form works on full page loads too. */
@SwitchboardTest
class DevicePagesIT {

    private static final String PASSWORD = TestData.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    long customer;
    long montreal;
    long paris;
    PageClient browser;
    ApiClient admin;

    @BeforeEach
    void setUp() throws Exception {
        ApiClient provider = ApiClient.provider(port);
        customer = TestData.customer(provider, "CA");
        String email = TestData.customerAdminAccount(provider, customer);
        admin = ApiClient.signIn(port, email, PASSWORD);
        montreal = TestData.site(admin, customer, "Montréal", "CA", "America/Toronto");
        paris = TestData.site(admin, customer, "Paris", "FR", "Europe/Paris");
        browser = new PageClient(port).signIn(email, PASSWORD);
    }

    @Test
    void theModelListFollowsTheSite() throws Exception {
        long t46u = TestData.model(admin, "Yealink T46U");
        long d785 = TestData.model(admin, "Snom D785");

        String atMontreal = browser.get("/devices/new/models?siteId=" + montreal).body();
        String atParis = browser.get("/devices/new/models?siteId=" + paris).body();

        assertThat(atMontreal).contains("value=\"" + t46u + "\"").doesNotContain("value=\"" + d785 + "\"");
        assertThat(atParis).contains("value=\"" + d785 + "\"");
    }

    @Test
    void addsADeviceThroughTheFormAndShowsItInTheList() throws Exception {
        String mac = TestData.uniqueMac("805EC0");
        HttpResponse<String> form = browser.get("/devices/new?lang=fr");
        assertThat(form.statusCode()).isEqualTo(200);

        HttpResponse<String> saved = browser.postForm("/devices/new", form(form.body(), montreal,
                TestData.model(admin, "Yealink T46U"), mac.toLowerCase().replace(":", "")));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/devices");
        // The language chosen once is remembered: the toast and the list are in French.
        HttpResponse<String> list = browser.get("/devices");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(mac, "Yealink T46U", "Appareils", "ajouté");
        long id = jdbc.sql("select id from device where mac = :mac").param("mac", mac.replace(":", "")).query(Long.class).single();

        HttpResponse<String> show = browser.get("/devices/" + id + "?lang=en");
        assertThat(show.statusCode()).isEqualTo(200);
        assertThat(show.body()).contains(mac, "aria-label=\"Breadcrumb\"");
    }

    @Test
    void aWrongMacComesBackNextToTheFieldWithWhatWasTyped() throws Exception {
        HttpResponse<String> form = browser.get("/devices/new?lang=en");

        HttpResponse<String> refused = browser.postForm("/devices/new", form(form.body(), montreal,
                TestData.model(admin, "Yealink T46U"), "01:23:45:67:89:AB"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"macAddress-error\"", "multicast", "value=\"01:23:45:67:89:AB\"");
        assertThat(jdbc.sql("select count(*) from device where customer_id = :c").param("c", customer).query(Long.class).single())
                .isZero();
    }

    @Test
    void aValueOfTheWrongTypeIsAFieldErrorInTheUsersLanguage() throws Exception {
        HttpResponse<String> form = browser.get("/devices/new?lang=fr");
        Map<String, String> fields = new LinkedHashMap<>(form(form.body(), montreal, 1, TestData.uniqueMac("805EC0")));
        fields.put("siteId", "Montréal");
        fields.put("modelId", "not-a-number");

        HttpResponse<String> refused = browser.postForm("/devices/new", fields);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"siteId-error\">Cette valeur n&#39;est pas valide.</div>",
                "id=\"modelId-error\">Cette valeur n&#39;est pas valide.</div>").doesNotContain("Failed to convert", "java.lang");
    }

    private static Map<String, String> form(String page, long site, long model, String mac) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", PageClient.csrf(page));
        form.put("siteId", Long.toString(site));
        form.put("modelId", Long.toString(model));
        form.put("macAddress", mac);
        form.put("label", "");
        return form;
    }
}
