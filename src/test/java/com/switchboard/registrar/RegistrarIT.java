package com.switchboard.registrar;

import java.util.Map;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestTenant;
import com.switchboard.device.DeviceId;
import com.switchboard.registrar.TestPhones.Customer;
import com.switchboard.registrar.TestPhones.Phone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The managed Kamailio on the test database, with SIPp as the phones: lines register with the
 * credentials of their provisioning file, wrong ones are refused, an ended line is refused at once,
 * users of one customer call each other by extension and never another customer's, and a restart
 * reaches the registered phone as NOTIFY check-sync.
 */
@SwitchboardTest
class RegistrarIT {

    @LocalServerPort
    int port;

    @Autowired
    Registrar registrar;

    @Autowired
    JdbcClient jdbc;

    Sipp sipp;
    TestPhones phones;

    @BeforeEach
    void phones() {
        Sipp.assumeInstalled(registrar.status());
        sipp = new Sipp(registrar.status().sipPort());
        phones = new TestPhones(port, jdbc, registrar.status().sipPort());
    }

    Customer customer() {
        return phones.customer();
    }

    Phone phone(Customer customer, String first, String extension) {
        return phones.phone(customer, first, extension);
    }

    @Test
    void aPhoneRegistersWithTheCredentialsOfItsFileAndThePortalSaysSo() {
        Customer customer = customer();
        Phone phone = phone(customer, "Alice", "201");
        assertThat(registrar.registration(new DeviceId(phone.deviceId())).registered()).isFalse();

        assertThat(sipp.register(phone.account(), 15061, 300)).isTrue();

        TestTenant tenant = customer.tenant();
        var registration = tenant.admin().get(tenant.path("/devices/" + phone.deviceId())).json().get("registration");
        assertThat(registration.get("registered").asBoolean()).isTrue();
        assertThat(registration.get("userAgent").asString()).isEqualTo(Sipp.USER_AGENT);
        assertThat(registration.get("contact").asString()).startsWith("sip:" + phone.account().username() + "@127.0.0.1:15061");
        assertThat(registration.get("address").asString()).isEqualTo("127.0.0.1:15061");
        assertThat(java.time.Instant.parse(registration.get("expiresAt").asString()))
                .isBetween(java.time.Instant.now().plusSeconds(240), java.time.Instant.now().plusSeconds(310));
        assertThat(java.time.Instant.parse(registration.get("lastRegisteredAt").asString()))
                .isBefore(java.time.Instant.now().plusSeconds(1));

        // The list carries it too, and filters by it.
        long unregistered = tenant.device(customer.site(), "Yealink T46U", "805EC0");
        assertThat(ids(tenant, "registered=true")).containsExactly(phone.deviceId());
        assertThat(ids(tenant, "registered=false")).containsExactly(unregistered);
        assertThat(tenant.admin().get(tenant.path("/devices?registered=maybe")).status()).isEqualTo(400);
        var listed = tenant.admin().get(tenant.path("/devices?registered=false")).json().get("items").get(0).get("registration");
        assertThat(listed.get("registered").asBoolean()).isFalse();
        assertThat(listed.get("lastRegisteredAt").isNull()).isTrue();
        assertThat(listed.get("contact").isNull()).isTrue();
    }

    private static java.util.List<Long> ids(TestTenant tenant, String filter) {
        var items = tenant.admin().get(tenant.path("/devices?" + filter)).json().get("items");
        java.util.List<Long> ids = new java.util.ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    @Test
    void aWrongPasswordIsRefused() {
        Phone phone = phone(customer(), "Bruno", "202");
        Sipp.Account wrong = new Sipp.Account(phone.account().username(), "not-the-password", phone.account().domain());

        assertThat(sipp.registrationRefused(wrong, 15062)).isTrue();
        assertThat(sipp.register(wrong, 15062, 300)).isFalse();
        assertThat(registrar.registration(new DeviceId(phone.deviceId())).registered()).isFalse();
    }

    @Test
    void afterUnassignmentTheSameCredentialsAreRefusedAndThePhoneIsNoLongerRegistered() {
        Customer customer = customer();
        Phone phone = phone(customer, "Chloé", "203");
        assertThat(sipp.register(phone.account(), 15063, 300)).isTrue();
        assertThat(registrar.registration(new DeviceId(phone.deviceId())).registered()).isTrue();

        assertThat(customer.tenant().admin().delete(customer.tenant().path("/devices/" + phone.deviceId() + "/assignment"))
                .status()).isBetween(200, 204);

        var after = customer.tenant().admin().get(customer.tenant().path("/devices/" + phone.deviceId())).json().get("registration");
        assertThat(after.get("registered").asBoolean()).isFalse();
        assertThat(after.get("contact").isNull()).isTrue();
        assertThat(after.get("lastRegisteredAt").isNull()).isFalse();
        assertThat(sipp.registrationRefused(phone.account(), 15063)).isTrue();
    }

    @Test
    void aPhoneThatUnregistersIsShownLastSeenAtItsLastRegistration() {
        Customer customer = customer();
        Phone phone = phone(customer, "Denise", "211");
        assertThat(sipp.register(phone.account(), 15064, 300)).isTrue();
        TestTenant tenant = customer.tenant();
        var registered = tenant.admin().get(tenant.path("/devices/" + phone.deviceId())).json().get("registration");
        assertThat(registered.get("registered").asBoolean()).isTrue();
        java.time.Instant refreshed = java.time.Instant.parse(registered.get("lastRegisteredAt").asString());

        // Expires: 0 — Kamailio deletes the registration; the portal keeps when it was last refreshed.
        assertThat(sipp.register(phone.account(), 15064, 0)).isTrue();

        var gone = tenant.admin().get(tenant.path("/devices/" + phone.deviceId())).json().get("registration");
        assertThat(gone.get("registered").asBoolean()).isFalse();
        assertThat(gone.get("contact").isNull()).isTrue();
        assertThat(java.time.Instant.parse(gone.get("lastRegisteredAt").asString())).isEqualTo(refreshed);
        assertThat(ids(tenant, "registered=false")).contains(phone.deviceId());
    }

    @Test
    void usersOfACustomerCallEachOtherByExtension() {
        Customer customer = customer();
        Phone caller = phone(customer, "Denis", "204");
        Phone callee = phone(customer, "Élodie", "205");
        Sipp.Server answering = sipp.serve("answer.xml");
        try {
            assertThat(sipp.register(caller.account(), 15064, 300)).isTrue();
            assertThat(sipp.register(callee.account(), answering.port(), 300)).isTrue();

            // The INVITE is challenged first (407), then sent with the caller's credentials.
            assertThat(sipp.call(caller.account(), "205", caller.account().domain())).isTrue();
            assertThat(answering.completed()).isTrue();
            assertThat(answering.messages()).contains("INVITE sip:" + callee.account().username() + "@127.0.0.1:" + answering.port())
                    .contains("BYE sip:");
        } finally {
            answering.stop();
        }
    }

    @Test
    void aCallToAnotherCustomersExtensionNeverConnects() {
        Customer first = customer();
        Phone other = phone(first, "Fanny", "206");
        Customer second = customer();
        Phone caller = phone(second, "Gaston", "207");
        Sipp.Server answering = sipp.serve("answer.xml");
        try {
            assertThat(sipp.register(other.account(), answering.port(), 300)).isTrue();

            // 206 does not exist in the caller's own domain, and the other customer's domain is refused.
            assertThat(sipp.callRefused(caller.account(), "206", caller.account().domain())).isTrue();
            assertThat(sipp.callRefused(caller.account(), "206", other.account().domain())).isTrue();
            assertThat(sipp.callRefused(caller.account(), other.account().username(), other.account().domain())).isTrue();
        } finally {
            answering.stop();
        }
        assertThat(answering.messages()).doesNotContain("INVITE");
    }

    @Test
    void restartSendsNotifyCheckSyncToTheRegisteredPhone() {
        Customer customer = customer();
        Phone phone = phone(customer, "Hélène", "208");
        TestTenant tenant = customer.tenant();
        String restart = tenant.path("/devices/" + phone.deviceId() + "/restart");

        ApiClient.Response notRegistered = tenant.admin().post(restart, Map.of());
        assertThat(notRegistered.status()).isEqualTo(409);
        assertThat(notRegistered.code()).isEqualTo("device.not-registered");

        Sipp.Server phoneSide = sipp.serve("notify.xml");
        try {
            assertThat(sipp.register(phone.account(), phoneSide.port(), 300)).isTrue();

            assertThat(tenant.admin().post(restart, Map.of()).status()).isEqualTo(202);

            assertThat(phoneSide.completed()).isTrue();
            assertThat(phoneSide.messages()).contains("NOTIFY sip:" + phone.account().username())
                    .contains("Event: check-sync;reboot=true");
        } finally {
            phoneSide.stop();
        }
        assertThat(tenant.admin().get(tenant.path("/audit-events")).text()).contains("device.restarted");
    }

    @Test
    void aResyncAsksAYealinkForItsFileWithoutAReboot() {
        Customer customer = customer();
        Phone phone = phone(customer, "Irène", "209");
        assertThat(notified(customer, phone, "resync")).contains("Event: check-sync;reboot=false");
    }

    @Test
    void aCiscoMppPhoneIsToldToRebootNowOrToResync() {
        Customer customer = customer();
        Phone phone = phones.ciscoPhone(customer, "Joël", "210");
        assertThat(notified(customer, phone, "restart")).contains("Event: reboot_now").doesNotContain("check-sync");
        assertThat(notified(customer, phone, "resync")).contains("Event: resync").doesNotContain("check-sync");
        assertThat(customer.tenant().admin().get(customer.tenant().path("/audit-events")).text())
                .contains("device.restarted").contains("device.resynced");
    }

    /** Registers the phone with SIPp as its server side, asks the portal for the action; the NOTIFY SIPp received. */
    private String notified(Customer customer, Phone phone, String action) {
        TestTenant tenant = customer.tenant();
        Sipp.Server phoneSide = sipp.serve("notify.xml");
        try {
            assertThat(sipp.register(phone.account(), phoneSide.port(), 300)).isTrue();
            assertThat(tenant.admin().post(tenant.path("/devices/" + phone.deviceId() + "/" + action), Map.of()).status())
                    .isEqualTo(202);
            assertThat(phoneSide.completed()).isTrue();
            String messages = phoneSide.messages();
            assertThat(messages).contains("NOTIFY sip:" + phone.account().username());
            return messages;
        } finally {
            phoneSide.stop();
        }
    }

    @Test
    void theRegistrarIsDescribedToTheProviderOnly() {
        ApiClient.Response status = ApiClient.provider(port).get("/api/v1/registrar");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("attached").asBoolean()).isTrue();
        assertThat(status.json().get("sipPort").asInt()).isEqualTo(registrar.status().sipPort());
        assertThat(status.json().get("transports").toString()).contains("udp");

        assertThat(customer().tenant().admin().get("/api/v1/registrar").status()).isEqualTo(403);
    }
}
