package com.switchboard.user;

import java.util.LinkedHashMap;
import java.util.Map;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SwitchboardTest
class UserApiIT {

    @LocalServerPort
    int port;

    private static Map<String, Object> user(String first, String last, String email, long site, String extension) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", first);
        body.put("lastName", last);
        body.put("email", email);
        body.put("siteId", site);
        body.put("extension", extension);
        body.put("language", "fr");
        return body;
    }

    @Test
    void createsAUserAndFindsItByNameEmailOrExtension() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        long other = tenant.site("Toronto", "CA", "America/Toronto");

        ApiClient.Response created = tenant.admin().post(tenant.path("/users"),
                user(" Amélie ", "Côté", "Amelie.Cote@Example.test", site, "2101"));
        tenant.user(other, "Noah", "Smith", "2102");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/users/" + created.json().get("id").asLong());
        assertThat(created.json().get("firstName").asString()).isEqualTo("Amélie");
        assertThat(created.json().get("language").asString()).isEqualTo("fr");
        assertThat(tenant.admin().get(tenant.path("/users?q=amélie%20c")).json().get("totalItems").asLong()).isEqualTo(1);
        assertThat(tenant.admin().get(tenant.path("/users?q=cote@example")).json().get("totalItems").asLong()).isEqualTo(1);
        assertThat(tenant.admin().get(tenant.path("/users?q=2102")).json().get("items").get(0).get("lastName").asString())
                .isEqualTo("Smith");
        assertThat(tenant.admin().get(tenant.path("/users?siteId=" + other)).json().get("totalItems").asLong()).isEqualTo(1);
        ApiClient.Response sorted = tenant.admin().get(tenant.path("/users?sort=-extension&size=1"));
        assertThat(sorted.json().get("items").get(0).get("extension").asString()).isEqualTo("2102");
        assertThat(sorted.json().get("totalItems").asLong()).isEqualTo(2);
    }

    @Test
    void emailIsUniquePerCustomerWhateverItsCaseAndExtensionToo() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        tenant.admin().post(tenant.path("/users"), user("Léa", "Roy", "lea.roy@example.test", site, "300"));

        ApiClient.Response sameEmail = tenant.admin().post(tenant.path("/users"), user("Léa", "Roy", "LEA.ROY@example.test", site, "301"));
        ApiClient.Response sameExtension = tenant.admin().inLanguage("fr").post(tenant.path("/users"),
                user("Léo", "Roy", "leo.roy@example.test", site, "300"));

        assertThat(sameEmail.status()).isEqualTo(409);
        assertThat(sameEmail.code()).isEqualTo("user.email.taken");
        assertThat(sameEmail.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(sameExtension.status()).isEqualTo(409);
        assertThat(sameExtension.code()).isEqualTo("user.extension.taken");
        assertThat(sameExtension.json().get("detail").asString()).contains("Le poste 300");

        TestTenant other = TestTenant.create(port, "CA");
        long otherSite = other.site("Montréal", "CA", "America/Toronto");
        assertThat(other.admin().post(other.path("/users"), user("Léa", "Roy", "lea.roy@example.test", otherSite, "300")).status())
                .isEqualTo(201);
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        TestTenant tenant = TestTenant.create(port, "CA");

        ApiClient.Response refused = tenant.admin().post(tenant.path("/users"),
                Map.of("firstName", " ", "email", "not-an-email", "extension", "1", "language", "de"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("firstName", "lastName", "email", "siteId", "extension", "language");
        assertThat(refused.json().get("errors").findValuesAsString("code")).contains("user.extension.invalid");
        assertThat(tenant.admin().post(tenant.path("/users"), user("A", "B", "a@example.test", 1, "123456789")).status())
                .isEqualTo(422);
    }

    @Test
    void changesAUserWithPatchAndDeletesIt() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        long other = tenant.site("Toronto", "CA", "America/Toronto");
        long id = tenant.user(site, "Chloé", "Lavoie", "400");

        ApiClient.Response changed = tenant.admin().patch(tenant.path("/users/" + id), Map.of("extension", "401", "siteId", other));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("extension").asString()).isEqualTo("401");
        assertThat(changed.json().get("siteId").asLong()).isEqualTo(other);
        assertThat(changed.json().get("firstName").asString()).isEqualTo("Chloé");
        assertThat(changed.json().get("numbers")).isEmpty();
        assertThat(tenant.admin().delete(tenant.path("/users/" + id)).status()).isEqualTo(204);
        assertThat(tenant.admin().get(tenant.path("/users/" + id)).status()).isEqualTo(404);
    }

    @Test
    void anotherCustomersUsersAreNotReachable() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        long id = tenant.user(site, "Zoé", "Gagné", "500");
        TestTenant other = TestTenant.create(port, "CA");

        assertThat(other.admin().get(other.path("/users/" + id)).status()).isEqualTo(404);
        assertThat(other.admin().get(other.path("/users/" + id)).code()).isEqualTo("user.not-found");
        assertThat(other.admin().patch(other.path("/users/" + id), Map.of("firstName", "X")).status()).isEqualTo(404);
        assertThat(other.admin().delete(other.path("/users/" + id)).status()).isEqualTo(404);
        assertThat(other.admin().get(tenant.path("/users")).status()).isEqualTo(404);
        assertThat(other.admin().post(other.path("/users"), user("A", "B", "a@example.test", site, "10")).status()).isEqualTo(404);
        assertThat(tenant.admin().get(tenant.path("/users/" + id)).status()).isEqualTo(200);
    }
}
