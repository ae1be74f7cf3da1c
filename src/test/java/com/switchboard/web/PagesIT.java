package com.switchboard.web;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.switchboard.ApiClient;
import com.switchboard.PageClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page renders in both languages, and each form's happy path ends on a page that says so. */
@SwitchboardTest
class PagesIT {

    private static final String PASSWORD = TestData.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyPageOfACustomerAdminRendersInEnglishAndFrench() throws Exception {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");
        String email = TestData.customerAdminAccount(provider, customer);
        ApiClient admin = ApiClient.signIn(port, email, PASSWORD);
        long site = TestData.site(admin, customer, "Montréal", "CA", "America/Toronto");
        long device = TestData.device(admin, customer, site, TestData.model(admin, "Yealink T46U"), TestData.uniqueMac("805EC0"));
        PageClient browser = new PageClient(port).signIn(email, PASSWORD);

        for (String language : List.of("en", "fr")) {
            for (String page : List.of("/", "/devices", "/devices/new", "/devices/" + device, "/sites", "/sites/new",
                    "/sites/" + site + "/edit", "/admins", "/tokens", "/users", "/numbers")) {
                HttpResponse<String> answer = browser.get(page + "?lang=" + language);
                assertThat(answer.statusCode()).as(language + " " + page).isEqualTo(200);
                assertThat(answer.body()).as(language + " " + page).contains("<html lang=\"" + language + "\"");
            }
        }
        assertThat(browser.get("/customers").statusCode()).isEqualTo(403);
        assertThat(browser.get("/catalogue/new").statusCode()).isEqualTo(403);
        assertThat(browser.get("/devices/987654321").statusCode()).isEqualTo(404);
    }

    @Test
    void aProviderAdminAddsACustomerActsInItAndManagesTheCatalogue() throws Exception {
        PageClient browser = new PageClient(port).signIn(ApiClient.PROVIDER_EMAIL, ApiClient.PROVIDER_PASSWORD);
        for (String page : List.of("/customers", "/catalogue", "/catalogue/new", "/catalogue/1/edit")) {
            assertThat(browser.get(page + "?lang=fr").statusCode()).as(page).isEqualTo(200);
        }
        String name = "Pages " + System.nanoTime();

        HttpResponse<String> added = browser.postForm("/customers", form(browser.get("/customers").body(),
                "name", name, "country", "CA", "language", "fr"));

        assertThat(added.statusCode()).isEqualTo(302);
        HttpResponse<String> customers = browser.get("/customers?lang=en");
        assertThat(customers.body()).contains(name, "text-bg-success");
        // The new customer is the one the pages now act in.
        assertThat(browser.get("/sites").body()).contains(name);

        String model = "Page T" + System.nanoTime();
        HttpResponse<String> modelAdded = browser.postForm("/catalogue/new", form(browser.get("/catalogue/new").body(),
                "manufacturer", "Yealink", "model", model, "kind", "DESK_PHONE", "lineKeys", "2",
                "provisioningFamily", "yealink", "countries", "CA, FR", "active", "true"));
        assertThat(modelAdded.statusCode()).isEqualTo(302);
        assertThat(browser.get("/catalogue").body()).contains(model);

        HttpResponse<String> refused = browser.postForm("/catalogue/new", form(browser.get("/catalogue/new").body(),
                "manufacturer", "Yealink", "model", "", "kind", "DESK_PHONE", "lineKeys", "many",
                "provisioningFamily", "yealink", "countries", "CA"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).doesNotContain("Failed to convert");
    }

    @Test
    void sitesAdminsAndTokensFormsWork() throws Exception {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "FR");
        String email = TestData.customerAdminAccount(provider, customer);
        PageClient browser = new PageClient(port).signIn(email, PASSWORD);

        HttpResponse<String> site = browser.postForm("/sites/new", form(browser.get("/sites/new?lang=fr").body(),
                "name", "Paris", "country", "FR", "timeZone", "Europe/Paris", "region", "", "address", "", "language", ""));
        assertThat(site.statusCode()).isEqualTo(302);
        assertThat(browser.get("/sites").body()).contains("Paris", "text-bg-success");
        long siteId = jdbc.sql("select id from site where customer_id = :c").param("c", customer).query(Long.class).single();

        HttpResponse<String> taken = browser.postForm("/sites/new", form(browser.get("/sites/new").body(),
                "name", "PARIS", "country", "FR", "timeZone", "Europe/Paris"));
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("value=\"PARIS\"");

        HttpResponse<String> renamed = browser.postForm("/sites/" + siteId + "/edit", form(browser.get("/sites/" + siteId + "/edit").body(),
                "name", "Paris Bastille", "country", "FR", "timeZone", "Europe/Paris"));
        assertThat(renamed.statusCode()).isEqualTo(302);
        assertThat(browser.get("/sites").body()).contains("Paris Bastille");

        String other = TestData.adminEmail();
        HttpResponse<String> admin = browser.postForm("/admins", form(browser.get("/admins").body(),
                "name", "Second", "email", other, "password", PASSWORD));
        assertThat(admin.statusCode()).isEqualTo(302);
        assertThat(browser.get("/admins").body()).contains(other);
        new PageClient(port).signIn(other, PASSWORD);

        HttpResponse<String> minted = browser.postForm("/tokens", form(browser.get("/tokens").body(),
                "name", "From the page", "expiresInDays", "30"));
        assertThat(minted.statusCode()).isEqualTo(200);
        assertThat(minted.body()).contains("From the page");
        long tokenId = jdbc.sql("select t.id from api_token t join admin_account a on a.id = t.admin_id where a.email = :e")
                .param("e", email).query(Long.class).single();
        HttpResponse<String> revoked = browser.postForm("/tokens/" + tokenId + "/revoke", form(browser.get("/tokens").body()));
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(browser.get("/tokens").body()).contains("text-bg-success");

        HttpResponse<String> deleted = browser.postForm("/sites/" + siteId + "/delete", form(browser.get("/sites").body()));
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from site where id = :id").param("id", siteId).query(Long.class).single()).isZero();
    }

    /** A form as the page would post it: its CSRF token plus the fields given as name, value pairs. */
    private static Map<String, String> form(String page, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", PageClient.csrf(page));
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return form;
    }
}
