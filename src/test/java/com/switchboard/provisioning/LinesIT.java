package com.switchboard.provisioning;

import java.util.Map;

import com.switchboard.SwitchboardTest;
import com.switchboard.TestTenant;
import com.switchboard.device.DeviceId;
import com.switchboard.tenancy.CustomerId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SwitchboardTest
class LinesIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Lines lines;

    @Test
    void assigningADeviceGivesItALineInTheCustomersSipDomainAndUnassigningEndsIt() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        long user = tenant.user(site, "Émilie", "Gagnon", "210");
        long device = tenant.device(site, "Yealink T46U", "805EC0");

        assertThat(tenant.admin().put(tenant.path("/devices/" + device + "/assignment"), Map.of("userId", user)).status())
                .isEqualTo(200);

        Map<String, Object> row = jdbc.sql("select * from line where device_id = :id").param("id", device).query().singleRow();
        String username = (String) row.get("username");
        String domain = (String) row.get("domain");
        assertThat(username).matches("[a-z0-9]{20}");
        assertThat(row.get("user_id")).isEqualTo(user);
        String sipDomain = jdbc.sql("select sip_domain from customer_sip where customer_id = :id")
                .param("id", tenant.customerId()).query(String.class).single();
        assertThat(domain).isEqualTo(sipDomain).endsWith(".sip.switchboard.local");
        Line line = lines.ofDevice(new CustomerId(tenant.customerId()), new DeviceId(device)).orElseThrow();
        String password = lines.passwordOf(line);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(new String((byte[]) row.get("password_enc"), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(password);
        assertThat(row.get("ha1")).isEqualTo(Lines.ha1(username, domain, password));
        assertThat(row.get("ha1b")).isEqualTo(Lines.ha1b(username, domain, password));
        assertThat(jdbc.sql("select provisioning_key from customer_sip where customer_id = :id").param("id", tenant.customerId())
                .query(String.class).single()).hasSizeGreaterThanOrEqualTo(22);

        tenant.admin().delete(tenant.path("/devices/" + device + "/assignment"));

        assertThat(lineCount(device)).isZero();
    }

    @Test
    void removingTheDeviceOrItsUserEndsTheLine() {
        TestTenant tenant = TestTenant.create(port, "FR");
        long site = tenant.site("Paris", "FR", "Europe/Paris");
        long user = tenant.user(site, "Zoé", "Lefèvre", "301");
        long removedDevice = tenant.device(site, "Yealink T46U", "805EC0");
        long keptDevice = tenant.device(site, "Yealink T46U", "805EC0");
        tenant.admin().put(tenant.path("/devices/" + removedDevice + "/assignment"), Map.of("userId", user));
        tenant.admin().put(tenant.path("/devices/" + keptDevice + "/assignment"), Map.of("userId", user));
        assertThat(lineCount(removedDevice) + lineCount(keptDevice)).isEqualTo(2);

        assertThat(tenant.admin().delete(tenant.path("/devices/" + removedDevice)).status()).isEqualTo(204);
        assertThat(lineCount(removedDevice)).isZero();
        assertThat(lineCount(keptDevice)).isEqualTo(1);

        assertThat(tenant.admin().delete(tenant.path("/users/" + user)).status()).isEqualTo(204);
        assertThat(lineCount(keptDevice)).isZero();
        assertThat(jdbc.sql("select count(*) from device where id = :id").param("id", keptDevice).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void reassigningGivesANewAccountAndResettingChangesOnlyThePassword() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Laval", "CA", "America/Toronto");
        long first = tenant.user(site, "Louis", "Côté", "100");
        long second = tenant.user(site, "Léa", "Côté", "101");
        long device = tenant.device(site, "Poly Edge E350", "482567");
        tenant.admin().put(tenant.path("/devices/" + device + "/assignment"), Map.of("userId", first));
        Map<String, Object> before = jdbc.sql("select username, ha1 from line where device_id = :id").param("id", device).query().singleRow();

        lines.resetPassword(new CustomerId(tenant.customerId()), new DeviceId(device));
        Map<String, Object> reset = jdbc.sql("select username, ha1 from line where device_id = :id").param("id", device).query().singleRow();
        assertThat(reset.get("username")).isEqualTo(before.get("username"));
        assertThat(reset.get("ha1")).isNotEqualTo(before.get("ha1"));

        tenant.admin().delete(tenant.path("/devices/" + device + "/assignment"));
        tenant.admin().put(tenant.path("/devices/" + device + "/assignment"), Map.of("userId", second));
        Map<String, Object> after = jdbc.sql("select username, user_id from line where device_id = :id").param("id", device).query().singleRow();
        assertThat(after.get("username")).isNotEqualTo(before.get("username"));
        assertThat(after.get("user_id")).isEqualTo(second);
    }

    private long lineCount(long device) {
        return jdbc.sql("select count(*) from line where device_id = :id").param("id", device).query(Long.class).single();
    }
}
