package com.switchboard.assignment;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.switchboard.PageSession;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import com.switchboard.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With 100,000 free devices in one site of the customer, every page that offers a pick-list (the user
 * page, the wizard's device step, a device's and a number's "Assign") stays under 100 KB: it lists the
 * first matches only. The devices go in with one statement and out again, so the other tests do not
 * carry them.
 */
@SwitchboardTest
class PickListScaleIT {

    private static final int DEVICES = 100_000;
    private static final int LIMIT = 100_000;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyPickListPageStaysUnder100KilobytesWith100000Devices() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        long model = TestData.model(tenant.admin(), "Yealink T46U");
        // Locally administered MACs (02:…), which no other test uses, made unique by the customer's id.
        int inserted = jdbc.sql("""
                        insert into device (customer_id, site_id, model_id, mac, label)
                        select :customer, :site, :model,
                               '02' || lpad(upper(to_hex(:customer % 65536)), 4, '0') || lpad(upper(to_hex(n)), 6, '0'),
                               'Bench ' || n
                        from generate_series(1, :count) as n
                        """)
                .param("customer", tenant.customerId()).param("site", site).param("model", model).param("count", DEVICES)
                .update();
        assertThat(inserted).isEqualTo(DEVICES);
        try {
            long user = tenant.user(site, "Zoe", "Zenon", "999");
            long number = tenant.number(site, "+1 514 555 0198");
            long device = tenant.device(site, "Yealink T46U", "805EC0");
            PageSession pages = tenant.pages(port);
            pages.get("/users/setup/start");
            pages.post("/users/setup/person", Map.of("firstName", "Léa", "lastName", "Roy",
                    "email", "lea.roy." + tenant.customerId() + "@example.test", "siteId", Long.toString(site),
                    "extension", "150", "language", "fr"));
            pages.post("/users/setup/number", Map.of("numberId", ""));

            Map<String, Integer> sizes = new LinkedHashMap<>();
            for (String path : new String[]{"/users/" + user, "/users/setup/device", "/devices/" + device + "/assignment",
                    "/numbers/" + number + "/assignment", "/users/" + user + "?deviceQ=0200"}) {
                var page = pages.get(path);
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                sizes.put(path, page.body().getBytes(StandardCharsets.UTF_8).length);
            }
            System.out.println("Pick-list page sizes with " + DEVICES + " devices in the site (bytes): " + sizes);
            assertThat(sizes).allSatisfy((path, bytes) -> assertThat(bytes).as(path).isLessThan(LIMIT));
        } finally {
            jdbc.sql("delete from device where customer_id = :customer and mac like '02%'")
                    .param("customer", tenant.customerId()).update();
        }
    }
}
