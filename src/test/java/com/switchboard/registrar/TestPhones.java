package com.switchboard.registrar;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.switchboard.ApiClient;
import com.switchboard.TestTenant;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Customers whose users have assigned Yealink phones, and the credentials each phone takes from its file. */
final class TestPhones {

    private final int port;
    private final JdbcClient jdbc;
    private final int registrarPort;

    TestPhones(int port, JdbcClient jdbc, int registrarPort) {
        this.port = port;
        this.jdbc = jdbc;
        this.registrarPort = registrarPort;
    }

    /** A customer with a site; users and their phones are added by each test. */
    record Customer(TestTenant tenant, long site) {
    }

    record Phone(long deviceId, long userId, Sipp.Account account) {
    }

    Customer customer() {
        TestTenant tenant = TestTenant.create(port, "CA");
        return new Customer(tenant, tenant.site("Montréal", "CA", "America/Toronto"));
    }

    /** A user with that extension and an assigned Yealink; its credentials come from the phone's file. */
    Phone phone(Customer customer, String first, String extension) {
        TestTenant tenant = customer.tenant();
        long user = tenant.user(customer.site(), first, "Test" + extension, extension);
        long device = tenant.device(customer.site(), "Yealink T46U", "805EC0");
        assertThat(tenant.admin().put(tenant.path("/devices/" + device + "/assignment"), Map.of("userId", user)).status())
                .isEqualTo(200);
        return new Phone(device, user, credentials(device));
    }

    /**
     * What a phone takes out of its Yealink file, fetched as the phone does: account.1.auth_name,
     * .password, .sip_server.1.address (the SIP domain) and .sip_server.1.port (the registrar's port).
     */
    Sipp.Account credentials(long device) {
        Map<String, Object> line = jdbc.sql("""
                select s.provisioning_key, d.mac
                from line l join customer_sip s on s.customer_id = l.customer_id join device d on d.id = l.device_id
                where l.device_id = :id
                """).param("id", device).query().singleRow();
        ApiClient.Response file = ApiClient.anonymous(port)
                .get("/provisioning/" + line.get("provisioning_key") + "/" + ((String) line.get("mac")).toLowerCase() + ".cfg");
        assertThat(file.status()).as("the phone's Yealink file").isEqualTo(200);
        String text = file.text();
        assertThat(Integer.parseInt(value(text, "account.1.sip_server.1.port"))).isEqualTo(registrarPort);
        return new Sipp.Account(value(text, "account.1.auth_name"), value(text, "account.1.password"),
                value(text, "account.1.sip_server.1.address"));
    }

    private static String value(String file, String key) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=\\s*(.*)$").matcher(file);
        assertThat(m.find()).as(key + " in the Yealink file").isTrue();
        return m.group(1).strip();
    }
}
