package com.switchboard.assignment;

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
class AssignmentApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void findsADeviceByTheNameOfItsUser() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        long user = tenant.user(site, "Émilie", "Gagnon", "210");
        long assigned = tenant.device(site, "Yealink T46U", "805EC0");
        tenant.device(site, "Yealink T46U", "805EC0");
        assertThat(tenant.admin().put(tenant.path("/devices/" + assigned + "/assignment"), Map.of("userId", user)).status())
                .isEqualTo(200);
        TestTenant other = TestTenant.create(port, "CA");
        long otherSite = other.site("Laval", "CA", "America/Toronto");
        long namesake = other.user(otherSite, "Émilie", "Gagnon", "210");
        long otherDevice = other.device(otherSite, "Yealink T46U", "805EC0");
        other.admin().put(other.path("/devices/" + otherDevice + "/assignment"), Map.of("userId", namesake));

        ApiClient.Response found = tenant.admin().get(tenant.path("/devices?q=milie%20gag"));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("totalItems").asLong()).isEqualTo(1);
        assertThat(found.json().get("items").get(0).get("id").asLong()).isEqualTo(assigned);
        assertThat(found.json().get("items").get(0).get("assignedUserName").asString()).isEqualTo("Émilie Gagnon");
        assertThat(tenant.admin().get(tenant.path("/devices.csv?q=gagnon")).text()).contains("Émilie Gagnon");
    }

    @Test
    void assignsANumberAndADeviceToAUserOfTheSiteAndFreesThem() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        long user = tenant.user(site, "Gabriel", "Tremblay", "100");
        long number = tenant.number(site, "+1 438 555 0101");
        long device = tenant.device(site, "Yealink T46U", "805EC0");

        ApiClient.Response numberAssigned = tenant.admin().put(tenant.path("/numbers/" + number + "/assignment"), Map.of("userId", user));
        ApiClient.Response deviceAssigned = tenant.admin().put(tenant.path("/devices/" + device + "/assignment"), Map.of("userId", user));

        assertThat(numberAssigned.status()).isEqualTo(200);
        assertThat(numberAssigned.json().get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(numberAssigned.json().get("assignedUserId").asLong()).isEqualTo(user);
        assertThat(deviceAssigned.status()).isEqualTo(200);
        assertThat(deviceAssigned.json().get("status").asString()).isEqualTo("ASSIGNED");
        ApiClient.Response profile = tenant.admin().get(tenant.path("/users/" + user));
        assertThat(profile.json().get("numbers").get(0).get("e164").asString()).isEqualTo("+14385550101");
        assertThat(profile.json().get("devices").get(0).get("id").asLong()).isEqualTo(device);
        assertThat(tenant.admin().get(tenant.path("/devices/" + device)).json().get("assignedUserId").asLong()).isEqualTo(user);
        // Assigning again to the same user changes nothing.
        assertThat(tenant.admin().put(tenant.path("/numbers/" + number + "/assignment"), Map.of("userId", user)).status()).isEqualTo(200);

        assertThat(tenant.admin().delete(tenant.path("/numbers/" + number + "/assignment")).json().get("status").asString())
                .isEqualTo("AVAILABLE");
        assertThat(tenant.admin().delete(tenant.path("/devices/" + device + "/assignment")).json().get("status").asString())
                .isEqualTo("UNASSIGNED");
        assertThat(jdbc.sql("select status from device where id = :id").param("id", device).query(String.class).single())
                .isEqualTo("UNASSIGNED");
        assertThat(tenant.admin().get(tenant.path("/users/" + user)).json().get("devices")).isEmpty();
    }

    @Test
    void aNumberOrADeviceBelongsToOneUserAtATime() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        long first = tenant.user(site, "Olivia", "Roy", "100");
        long second = tenant.user(site, "William", "Roy", "101");
        long number = tenant.number(site, "+1 438 555 0102");
        long device = tenant.device(site, "Yealink T46U", "805EC0");
        tenant.admin().put(tenant.path("/numbers/" + number + "/assignment"), Map.of("userId", first));
        tenant.admin().put(tenant.path("/devices/" + device + "/assignment"), Map.of("userId", first));

        ApiClient.Response numberTaken = tenant.admin().put(tenant.path("/numbers/" + number + "/assignment"), Map.of("userId", second));
        ApiClient.Response deviceTaken = tenant.admin().put(tenant.path("/devices/" + device + "/assignment"), Map.of("userId", second));

        assertThat(numberTaken.status()).isEqualTo(409);
        assertThat(numberTaken.code()).isEqualTo("number.assigned");
        assertThat(deviceTaken.status()).isEqualTo(409);
        assertThat(deviceTaken.code()).isEqualTo("device.assigned");
        assertThat(jdbc.sql("select assigned_user_id from phone_number where id = :id").param("id", number).query(Long.class).single())
                .isEqualTo(first);
    }

    @Test
    void refusesANumberOrADeviceOfAnotherSite() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long montreal = tenant.site("Montréal", "CA", "America/Toronto");
        long toronto = tenant.site("Toronto", "CA", "America/Toronto");
        long user = tenant.user(montreal, "Félix", "Morin", "100");
        long number = tenant.number(toronto, "+1 438 555 0103");
        long device = tenant.device(toronto, "Poly Edge E350", "482567");

        ApiClient.Response numberRefused = tenant.admin().inLanguage("fr")
                .put(tenant.path("/numbers/" + number + "/assignment"), Map.of("userId", user));
        ApiClient.Response deviceRefused = tenant.admin().put(tenant.path("/devices/" + device + "/assignment"), Map.of("userId", user));

        assertThat(numberRefused.status()).isEqualTo(422);
        assertThat(numberRefused.code()).isEqualTo("assignment.site-mismatch");
        assertThat(numberRefused.json().get("detail").asString()).contains("appartient au site");
        assertThat(deviceRefused.status()).isEqualTo(422);
        assertThat(deviceRefused.code()).isEqualTo("assignment.site-mismatch");
        assertThat(jdbc.sql("select count(*) from phone_number where id = :id and assigned_user_id is null").param("id", number)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aUserWithNumbersOrDevicesCannotMoveToAnotherSite() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long montreal = tenant.site("Montréal", "CA", "America/Toronto");
        long toronto = tenant.site("Toronto", "CA", "America/Toronto");
        long user = tenant.user(montreal, "Laurence", "Fortin", "100");
        long number = tenant.number(montreal, "+1 438 555 0104");
        tenant.admin().put(tenant.path("/numbers/" + number + "/assignment"), Map.of("userId", user));

        ApiClient.Response moved = tenant.admin().patch(tenant.path("/users/" + user), Map.of("siteId", toronto));

        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.code()).isEqualTo("user.site.has-assignments");
        assertThat(tenant.admin().get(tenant.path("/users/" + user)).json().get("siteId").asLong()).isEqualTo(montreal);
    }

    @Test
    void deletingAUserFreesTheirNumbersAndDevices() {
        TestTenant tenant = TestTenant.create(port, "FR");
        long paris = tenant.site("Paris", "FR", "Europe/Paris");
        long user = tenant.user(paris, "Inès", "Durand", "100");
        long number = tenant.number(paris, "+33 1 99 00 66 01");
        long device = tenant.device(paris, "Snom D785", "000413");
        tenant.admin().put(tenant.path("/numbers/" + number + "/assignment"), Map.of("userId", user));
        tenant.admin().put(tenant.path("/devices/" + device + "/assignment"), Map.of("userId", user));

        assertThat(tenant.admin().delete(tenant.path("/users/" + user)).status()).isEqualTo(204);

        assertThat(jdbc.sql("select count(*) from app_user where id = :id").param("id", user).query(Long.class).single()).isZero();
        assertThat(tenant.admin().get(tenant.path("/numbers/" + number)).json().get("status").asString()).isEqualTo("AVAILABLE");
        ApiClient.Response freed = tenant.admin().get(tenant.path("/devices/" + device));
        assertThat(freed.json().get("status").asString()).isEqualTo("UNASSIGNED");
        assertThat(freed.json().get("assignedUserId").isNull()).isTrue();
    }

    @Test
    void nothingOfAnotherCustomerIsReachable() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        long user = tenant.user(site, "Rosalie", "Pelletier", "100");
        long number = tenant.number(site, "+1 438 555 0105");
        long device = tenant.device(site, "Yealink T46U", "805EC0");
        TestTenant other = TestTenant.create(port, "CA");
        long otherSite = other.site("Montréal", "CA", "America/Toronto");
        long otherUser = other.user(otherSite, "Eve", "Intruder", "100");
        long otherNumber = other.number(otherSite, "+1 438 555 0106");

        // Another customer's number, device or user answers as if it did not exist.
        assertThat(other.admin().put(other.path("/numbers/" + number + "/assignment"), Map.of("userId", otherUser)).status()).isEqualTo(404);
        assertThat(other.admin().put(other.path("/devices/" + device + "/assignment"), Map.of("userId", otherUser)).status()).isEqualTo(404);
        assertThat(other.admin().put(other.path("/numbers/" + otherNumber + "/assignment"), Map.of("userId", user)).status()).isEqualTo(404);
        assertThat(other.admin().delete(other.path("/numbers/" + number + "/assignment")).status()).isEqualTo(404);
        assertThat(other.admin().delete(other.path("/devices/" + device + "/assignment")).status()).isEqualTo(404);
        assertThat(other.admin().put(tenant.path("/numbers/" + number + "/assignment"), Map.of("userId", user)).status()).isEqualTo(404);
        ApiClient.Response setup = other.admin().post(other.path("/user-setups"), Map.of(
                "user", Map.of("firstName", "A", "lastName", "B", "email", "a.b@example.test", "siteId", otherSite, "extension", "200"),
                "deviceId", device));
        assertThat(setup.status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from app_user where customer_id = :c").param("c", other.customerId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select assigned_user_id from device where id = :id").param("id", device).query(Long.class).optional())
                .isEmpty();
    }

    @Test
    void refusesAnAssignmentWithoutAUser() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        long number = tenant.number(site, "+1 438 555 0107");

        ApiClient.Response refused = tenant.admin().put(tenant.path("/numbers/" + number + "/assignment"), Map.of());
        ApiClient.Response malformed = tenant.admin().put(tenant.path("/numbers/" + number + "/assignment"), "{\"userId\": \"x\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("userId");
        assertThat(malformed.status()).isEqualTo(400);
    }
}
