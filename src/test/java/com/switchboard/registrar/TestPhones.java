package com.switchboard.registrar;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.switchboard.ApiClient;
import com.switchboard.TestTenant;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Customers whose users have assigned phones (Yealink, or Cisco MPP), and the credentials each phone takes from its file. */
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
        long device = assigned(customer, first, extension, "Yealink T46U", "805EC0");
        return new Phone(device, userOf(device), credentials(device));
    }

    /**
     * The same with a Cisco 6841 (multiplatform firmware): its credentials come from its XML file
     * ({@code <mac>.xml}: User_ID_1_, Password_1_, Proxy_1_ the SIP domain).
     */
    Phone ciscoPhone(Customer customer, String first, String extension) {
        long device = assigned(customer, first, extension, "Cisco 6841", "00562B");
        String text = phoneFile(device, ".xml");
        return new Phone(device, userOf(device), new Sipp.Account(element(text, "User_ID_1_"), element(text, "Password_1_"),
                element(text, "Proxy_1_")));
    }

    private long assigned(Customer customer, String first, String extension, String model, String oui) {
        TestTenant tenant = customer.tenant();
        long user = tenant.user(customer.site(), first, "Test" + extension, extension);
        long device = tenant.device(customer.site(), model, oui);
        assertThat(tenant.admin().put(tenant.path("/devices/" + device + "/assignment"), Map.of("userId", user)).status())
                .isEqualTo(200);
        return device;
    }

    private long userOf(long device) {
        return jdbc.sql("select user_id from line where device_id = :id").param("id", device).query(Long.class).single();
    }

    /**
     * What a phone takes out of its Yealink file, fetched as the phone does: account.1.auth_name,
     * .password, .sip_server.1.address (the SIP domain) and .sip_server.1.port (the registrar's port).
     */
    Sipp.Account credentials(long device) {
        String text = phoneFile(device, ".cfg");
        assertThat(Integer.parseInt(value(text, "account.1.sip_server.1.port"))).isEqualTo(registrarPort);
        return new Sipp.Account(value(text, "account.1.auth_name"), value(text, "account.1.password"),
                value(text, "account.1.sip_server.1.address"));
    }

    /** The device's own file, fetched anonymously from its customer's provisioning URL as the phone does. */
    private String phoneFile(long device, String extension) {
        Map<String, Object> line = jdbc.sql("""
                select s.provisioning_key, d.mac
                from line l join customer_sip s on s.customer_id = l.customer_id join device d on d.id = l.device_id
                where l.device_id = :id
                """).param("id", device).query().singleRow();
        ApiClient.Response file = ApiClient.anonymous(port)
                .get("/provisioning/" + line.get("provisioning_key") + "/" + ((String) line.get("mac")).toLowerCase() + extension);
        assertThat(file.status()).as("the phone's file").isEqualTo(200);
        return file.text();
    }

    private static String element(String file, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(file);
        assertThat(m.find()).as(name + " in the Cisco file").isTrue();
        return m.group(1).strip();
    }

    private static String value(String file, String key) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=\\s*(.*)$").matcher(file);
        assertThat(m.find()).as(key + " in the Yealink file").isTrue();
        return m.group(1).strip();
    }
}
