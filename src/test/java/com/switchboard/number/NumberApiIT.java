package com.switchboard.number;

import java.util.Map;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SwitchboardTest
class NumberApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Numbers are unique on the platform: each test draws its own block of fictional numbers. */
    private static String block(String prefix, int n) {
        return prefix + String.format("%02d", n);
    }

    @Test
    void addsANumberInE164AndShowsItTheWayTheCountryWritesIt() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");

        ApiClient.Response added = tenant.admin().post(tenant.path("/numbers"), Map.of("e164", "514 555-0142", "siteId", site));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.header("Location")).endsWith("/numbers/" + added.json().get("id").asLong());
        assertThat(added.json().get("e164").asString()).isEqualTo("+15145550142");
        assertThat(added.json().get("nationalFormat").asString()).isEqualTo("(514) 555-0142");
        assertThat(added.json().get("status").asString()).isEqualTo("AVAILABLE");
    }

    @Test
    void addsARangeOfAHundredNumbers() {
        TestTenant tenant = TestTenant.create(port, "US");
        long site = tenant.site("New York", "US", "America/New_York");

        ApiClient.Response added = tenant.admin().post(tenant.path("/numbers"),
                Map.of("from", "+1 212 555 0100", "to", "0199", "siteId", site));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("totalItems").asLong()).isEqualTo(100);
        assertThat(jdbc.sql("select count(*) from phone_number where customer_id = :c and site_id = :s")
                .param("c", tenant.customerId()).param("s", site).query(Long.class).single()).isEqualTo(100);
        ApiClient.Response available = tenant.admin().get(tenant.path("/numbers?status=AVAILABLE&siteId=" + site + "&size=10"));
        assertThat(available.json().get("totalItems").asLong()).isEqualTo(100);
        assertThat(available.json().get("items")).hasSize(10);
        assertThat(available.json().get("items").get(0).get("e164").asString()).isEqualTo("+12125550100");
    }

    @Test
    void refusesDuplicatesAlsoOfAnotherCustomerAndKeepsTheRangeAllOrNothing() {
        TestTenant tenant = TestTenant.create(port, "FR");
        long site = tenant.site("Paris", "FR", "Europe/Paris");
        TestTenant other = TestTenant.create(port, "FR");
        long otherSite = other.site("Lyon", "FR", "Europe/Paris");
        other.number(otherSite, "+33 1 99 00 55 05");

        ApiClient.Response again = tenant.admin().post(tenant.path("/numbers"), Map.of("e164", "01 99 00 55 05", "siteId", site));
        ApiClient.Response range = tenant.admin().post(tenant.path("/numbers"),
                Map.of("from", "+33 1 99 00 55 00", "to", "09", "siteId", site));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("number.duplicate");
        assertThat(again.json().get("detail").asString()).isEqualTo("The number +33199005505 is already registered.");
        assertThat(range.status()).isEqualTo(409);
        assertThat(range.code()).isEqualTo("number.duplicate");
        assertThat(jdbc.sql("select count(*) from phone_number where customer_id = :c").param("c", tenant.customerId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void refusesAnInvalidNumberOrOneOfAnotherCountryInTheCallerLanguage() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Toronto", "CA", "America/Toronto");

        ApiClient.Response invalid = tenant.admin().inLanguage("fr").post(tenant.path("/numbers"),
                Map.of("e164", "416 555 01", "siteId", site));
        ApiClient.Response foreign = tenant.admin().post(tenant.path("/numbers"),
                Map.of("e164", "+33 1 99 00 12 34", "siteId", site));

        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.code()).isEqualTo("number.invalid");
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("e164");
        assertThat(invalid.json().get("detail").asString()).contains("n'est pas un numéro de téléphone valide");
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.code()).isEqualTo("number.wrong-country");
    }

    @Test
    void anotherCustomersNumbersAndSitesAreNotReachable() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        long number = tenant.number(site, block("+1 514 555 01", 77));
        TestTenant other = TestTenant.create(port, "CA");

        assertThat(other.admin().get(tenant.path("/numbers")).status()).isEqualTo(404);
        assertThat(other.admin().get(other.path("/numbers/" + number)).status()).isEqualTo(404);
        assertThat(other.admin().post(other.path("/numbers"), Map.of("e164", "+1 514 555 0178", "siteId", site)).status())
                .isEqualTo(404);
        assertThat(other.admin().get(other.path("/numbers")).json().get("totalItems").asLong()).isZero();
    }

    @Test
    void refusesUnknownListParameters() {
        TestTenant tenant = TestTenant.create(port, "CA");

        assertThat(tenant.admin().get(tenant.path("/numbers?status=FREE")).status()).isEqualTo(400);
        assertThat(tenant.admin().get(tenant.path("/numbers?size=0")).status()).isEqualTo(400);
    }
}
