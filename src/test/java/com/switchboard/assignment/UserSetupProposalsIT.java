package com.switchboard.assignment;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import com.switchboard.SwitchboardTest;
import com.switchboard.PageSession;
import com.switchboard.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wizard proposes a new user's extension (the customer's next free one) and language (the
 * chosen site's), and its error summary names each field it lists.
 */
@SwitchboardTest
class UserSetupProposalsIT {

    @LocalServerPort
    int port;

    @Test
    void proposesTheNextFreeExtensionAndTheSitesLanguage() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long toronto = site(tenant, "Toronto", "en");
        long montreal = site(tenant, "Montréal", "fr");
        tenant.user(toronto, "Ada", "Lovelace", "204");
        tenant.user(toronto, "Alan", "Turing", "231");
        PageSession pages = tenant.pages(port);

        String person = pages.get("/users/setup/start").body();
        assertThat(person).contains("id=\"extension\"").containsPattern("id=\"extension\"[^>]*value=\"232\"");
        assertThat(person).containsPattern("<option value=\"\" selected=\"selected\">The site(&#39;|')s language</option>");

        HttpResponse<String> next = pages.post("/users/setup/person", Map.of("firstName", "Marie", "lastName", "Curie",
                "email", "marie-" + UUID.randomUUID() + "@example.test", "siteId", Long.toString(montreal),
                "extension", "232", "language", "", "go", "next"));
        assertThat(next.uri().getPath()).isEqualTo("/users/setup/number");
        assertThat(pages.get("/users/setup/person").body())
                .containsPattern("<option value=\"fr\" selected=\"selected\">");

        pages.post("/users/setup/person", Map.of("firstName", "Marie", "lastName", "Curie",
                "email", "marie-" + UUID.randomUUID() + "@example.test", "siteId", Long.toString(toronto),
                "extension", "232", "language", "", "go", "next"));
        assertThat(pages.get("/users/setup/person").body())
                .containsPattern("<option value=\"en\" selected=\"selected\">");
    }

    @Test
    void theErrorSummaryNamesEachField() {
        TestTenant tenant = TestTenant.create(port, "CA");
        site(tenant, "Toronto", "en");
        site(tenant, "Ottawa", "en");
        PageSession pages = tenant.pages(port);
        pages.get("/users/setup/start");

        HttpResponse<String> refused = pages.post("/users/setup/person", Map.of("firstName", "", "lastName", "Curie",
                "email", "", "extension", "300", "language", "", "go", "next"));
        assertThat(refused.statusCode()).isEqualTo(422);
        String summary = refused.body().replaceAll("(?s).*id=\"error-summary\"(.*?)</ul>.*", "$1");
        assertThat(summary).contains("href=\"#firstName\">First name: Required.</a>")
                .contains("href=\"#email\">Email: Required.</a>")
                .contains("href=\"#siteId\">Site: ");

        HttpResponse<String> french = pages.post("/users/setup/person?lang=fr", Map.of("firstName", "", "lastName", "Curie",
                "email", "x-" + UUID.randomUUID() + "@example.test", "extension", "300", "language", "", "go", "next"));
        assertThat(french.body()).contains("href=\"#firstName\">Prénom : Obligatoire.</a>");
    }

    private static long site(TestTenant tenant, String name, String language) {
        var created = tenant.admin().post(tenant.path("/sites"), Map.of("name", name + " " + UUID.randomUUID().toString().substring(0, 6),
                "country", "CA", "timeZone", "America/Toronto", "language", language));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }
}
