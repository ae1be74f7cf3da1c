package com.switchboard.assignment;

import java.net.http.HttpResponse;
import java.util.Map;

import com.switchboard.PageSession;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The assignment pages refuse what the API refuses, with the message on the page, and hide other customers. */
@SwitchboardTest
class AssignmentPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNumberOfAnotherSiteIsRefusedOnTheUsersPageWithItsMessage() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long montreal = tenant.site("Montréal", "CA", "America/Toronto");
        long toronto = tenant.site("Toronto", "CA", "America/Toronto");
        long user = tenant.user(montreal, "Alexis", "Caron", "100");
        long number = tenant.number(toronto, "+1 647 555 0101");
        PageSession pages = tenant.pages(port);

        HttpResponse<String> refused = pages.post("/users/" + user + "/numbers", Map.of("numberId", Long.toString(number)));
        HttpResponse<String> refusedHere = pages.post("/numbers/" + number + "/assignment", Map.of("userId", Long.toString(user)));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"assignment-error\"").contains("(647) 555-0101 belongs to the site Toronto");
        assertThat(refusedHere.statusCode()).isEqualTo(422);
        assertThat(refusedHere.body()).contains("id=\"assignment-error\"");
        assertThat(jdbc.sql("select count(*) from phone_number where id = :id and assigned_user_id is null").param("id", number)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theWizardsStepsRefuseWhatTheAssignmentsRefuseWithTheSameMessages() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long montreal = tenant.site("Montréal", "CA", "America/Toronto");
        long toronto = tenant.site("Toronto", "CA", "America/Toronto");
        long holder = tenant.user(montreal, "Alexis", "Caron", "100");
        long taken = tenant.number(montreal, "+1 613 555 0171");
        long elsewhere = tenant.number(toronto, "+1 905 555 0172");
        long phoneElsewhere = tenant.device(toronto, "Yealink T46U", "805EC0");
        PageSession pages = tenant.pages(port);
        pages.post("/users/" + holder + "/numbers", Map.of("numberId", Long.toString(taken)));

        pages.get("/users/setup/start");
        HttpResponse<String> person = pages.post("/users/setup/person", Map.of("firstName", "Nadia", "lastName", "Roy",
                "email", "nadia.roy@example.test", "siteId", Long.toString(montreal), "extension", "200", "language", "fr"));
        HttpResponse<String> numberTaken = pages.post("/users/setup/number", Map.of("numberId", Long.toString(taken)));
        HttpResponse<String> numberElsewhere = pages.post("/users/setup/number", Map.of("numberId", Long.toString(elsewhere)));
        HttpResponse<String> deviceElsewhere = pages.post("/users/setup/device",
                Map.of("deviceChoice", "existing", "deviceId", Long.toString(phoneElsewhere)));

        assertThat(person.uri().getPath()).isEqualTo("/users/setup/number");
        assertThat(numberTaken.statusCode()).isEqualTo(422);
        assertThat(numberTaken.body()).contains("The number (613) 555-0171 is already assigned to someone else.");
        assertThat(numberElsewhere.statusCode()).isEqualTo(422);
        assertThat(numberElsewhere.body()).contains("(905) 555-0172 belongs to the site Toronto");
        assertThat(deviceElsewhere.statusCode()).isEqualTo(422);
        assertThat(deviceElsewhere.body()).contains("80:5E:C0").contains("belongs to the site Toronto");
    }

    @Test
    void assignsAndFreesADeviceFromItsOwnPage() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        long user = tenant.user(site, "Samuel", "Girard", "100");
        long device = tenant.device(site, "Yealink T46U", "805EC0");
        PageSession pages = tenant.pages(port);

        assertThat(pages.get("/devices").body()).contains("href=\"/devices/" + device + "/assignment\"");
        HttpResponse<String> assigned = pages.post("/devices/" + device + "/assignment", Map.of("userId", Long.toString(user)));

        assertThat(assigned.uri().getPath()).isEqualTo("/devices/" + device);
        assertThat(pages.get("/devices/" + device + "/assignment").body()).contains("id=\"device-holder\"").contains("Samuel Girard");
        assertThat(jdbc.sql("select status from device where id = :id").param("id", device).query(String.class).single())
                .isEqualTo("ASSIGNED");
        pages.post("/devices/" + device + "/assignment/delete", Map.of());
        assertThat(jdbc.sql("select status from device where id = :id").param("id", device).query(String.class).single())
                .isEqualTo("UNASSIGNED");
    }

    @Test
    void anotherCustomersUsersNumbersAndDevicesAnswerNotFound() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        long user = tenant.user(site, "Mia", "Lemieux", "100");
        long number = tenant.number(site, "+1 647 555 0102");
        long device = tenant.device(site, "Yealink T46U", "805EC0");
        PageSession intruder = TestTenant.create(port, "CA").pages(port);

        assertThat(intruder.get("/users/" + user).statusCode()).isEqualTo(404);
        assertThat(intruder.get("/users/" + user + "/edit").statusCode()).isEqualTo(404);
        assertThat(intruder.get("/users/" + user + "/delete").statusCode()).isEqualTo(404);
        assertThat(intruder.get("/numbers/" + number + "/assignment").statusCode()).isEqualTo(404);
        assertThat(intruder.get("/devices/" + device + "/assignment").statusCode()).isEqualTo(404);
        assertThat(intruder.get("/users/setup/start?numberId=" + number).statusCode()).isEqualTo(404);
        assertThat(intruder.post("/users/" + user + "/delete", Map.of()).statusCode()).isEqualTo(404);
        assertThat(intruder.get("/users?q=Lemieux").body()).contains("id=\"users-empty\"").doesNotContain("/users/" + user);
        assertThat(jdbc.sql("select count(*) from app_user where id = :id").param("id", user).query(Long.class).single()).isEqualTo(1);
    }
}
