package com.switchboard.assignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import com.switchboard.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** POST …/user-setups: the wizard in one call, all or nothing. */
@SwitchboardTest
class UserSetupWizardApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static Map<String, Object> person(String first, String email, long site, String extension) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("firstName", first);
        user.put("lastName", "Setup");
        user.put("email", email);
        user.put("siteId", site);
        user.put("extension", extension);
        return user;
    }

    private static Map<String, Object> setup(Map<String, Object> user, Long numberId, Long deviceId, Map<String, Object> newDevice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", user);
        if (numberId != null) {
            body.put("numberId", numberId);
        }
        if (deviceId != null) {
            body.put("deviceId", deviceId);
        }
        if (newDevice != null) {
            body.put("newDevice", newDevice);
        }
        return body;
    }

    private long users(TestTenant tenant) {
        return jdbc.sql("select count(*) from app_user where customer_id = :c").param("c", tenant.customerId())
                .query(Long.class).single();
    }

    private long assignedNumbers(TestTenant tenant) {
        return jdbc.sql("select count(*) from phone_number where customer_id = :c and assigned_user_id is not null")
                .param("c", tenant.customerId()).query(Long.class).single();
    }

    @Test
    void setsUpAUserWithANumberAndANewDevice() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Québec", "CA", "America/Toronto");
        long number = tenant.number(site, "+1 450 555 0101");
        String mac = TestData.uniqueMac("805EC0");

        ApiClient.Response created = tenant.admin().post(tenant.path("/user-setups"), setup(
                person("Justine", "justine@example.test", site, "100"), number, null,
                Map.of("modelId", TestData.model(tenant.admin(), "Yealink T46U"), "macAddress", mac, "label", "Bureau 12")));

        assertThat(created.status()).isEqualTo(201);
        long user = created.json().get("id").asLong();
        assertThat(created.header("Location")).endsWith("/users/" + user);
        assertThat(created.json().get("numbers").get(0).get("id").asLong()).isEqualTo(number);
        assertThat(created.json().get("devices").get(0).get("macAddress").asString()).isEqualTo(mac);
        assertThat(created.json().get("devices").get(0).get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(jdbc.sql("select assigned_user_id from device where mac = :mac").param("mac", mac.replace(":", ""))
                .query(Long.class).single()).isEqualTo(user);
    }

    @Test
    void aMacAlreadyRegisteredAtTheDeviceStepLeavesNoUserAndNoNumberAssigned() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Québec", "CA", "America/Toronto");
        long number = tenant.number(site, "+1 450 555 0102");
        long model = TestData.model(tenant.admin(), "Yealink T46U");
        String mac = TestData.uniqueMac("805EC0");
        TestTenant other = TestTenant.create(port, "CA");
        long otherSite = other.site("Laval", "CA", "America/Toronto");
        other.admin().post(other.path("/devices"), Map.of("siteId", otherSite, "modelId", model, "macAddress", mac));

        ApiClient.Response refused = tenant.admin().post(tenant.path("/user-setups"), setup(
                person("Hugo", "hugo@example.test", site, "100"), number, null, Map.of("modelId", model, "macAddress", mac)));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("device.mac.duplicate");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("newDevice.macAddress");
        assertThat(users(tenant)).isZero();
        assertThat(assignedNumbers(tenant)).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where customer_id = :c and action = 'user.created'")
                .param("c", tenant.customerId()).query(Long.class).single()).isZero();
    }

    @Test
    void aDeviceAlreadyAssignedLeavesNoUserAndNoNumberAssigned() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Québec", "CA", "America/Toronto");
        long number = tenant.number(site, "+1 450 555 0103");
        long device = tenant.device(site, "Yealink T46U", "805EC0");
        long holder = tenant.user(site, "Holder", "First", "100");
        tenant.admin().put(tenant.path("/devices/" + device + "/assignment"), Map.of("userId", holder));

        ApiClient.Response refused = tenant.admin().post(tenant.path("/user-setups"),
                setup(person("Maya", "maya@example.test", site, "101"), number, device, null));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("device.assigned");
        assertThat(users(tenant)).isEqualTo(1);
        assertThat(assignedNumbers(tenant)).isZero();
    }

    @Test
    void refusesTheSetupWhenThePersonIsNotRightAndNamesTheFields() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Québec", "CA", "America/Toronto");
        tenant.user(site, "Taken", "Email", "100");

        ApiClient.Response refused = tenant.admin().post(tenant.path("/user-setups"),
                setup(person("Other", "taken.email@example.test", site, "100"), null, null, null));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("user.email", "user.extension");
        assertThat(users(tenant)).isEqualTo(1);
    }

    @Test
    void refusesANumberOfAnotherSite() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Québec", "CA", "America/Toronto");
        long elsewhere = tenant.site("Gatineau", "CA", "America/Toronto");
        long number = tenant.number(elsewhere, "+1 819 555 0101");

        ApiClient.Response refused = tenant.admin().post(tenant.path("/user-setups"),
                setup(person("Léon", "leon@example.test", site, "100"), number, null, null));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("assignment.site-mismatch");
        assertThat(users(tenant)).isZero();
    }

    @Test
    void concurrentSetupsTakingTheSameNumberHaveOneWinnerAndOneClearConflict() throws Exception {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Québec", "CA", "America/Toronto");
        long number = tenant.number(site, "+1 450 555 0104");
        int takers = 2;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(takers);
        List<Future<ApiClient.Response>> answers = new ArrayList<>();
        for (int i = 0; i < takers; i++) {
            Map<String, Object> body = setup(person("Racer" + i, "racer" + i + "@example.test", site, "70" + i), number, null, null);
            Callable<ApiClient.Response> call = () -> {
                start.await();
                return tenant.admin().post(tenant.path("/user-setups"), body);
            };
            answers.add(pool.submit(call));
        }
        start.countDown();
        List<ApiClient.Response> responses = new ArrayList<>();
        for (Future<ApiClient.Response> answer : answers) {
            responses.add(answer.get());
        }
        pool.shutdown();

        assertThat(responses).extracting(ApiClient.Response::status).containsExactlyInAnyOrder(201, 409);
        ApiClient.Response conflict = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(conflict.code()).isEqualTo("number.assigned");
        assertThat(conflict.json().get("detail").asString()).contains("(450) 555-0104");
        assertThat(users(tenant)).isEqualTo(1);
        assertThat(assignedNumbers(tenant)).isEqualTo(1);
    }
}
