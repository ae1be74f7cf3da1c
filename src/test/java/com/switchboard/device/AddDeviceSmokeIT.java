package com.switchboard.device;

import java.util.Map;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SwitchboardTest
class AddDeviceSmokeIT {

    @LocalServerPort
    int port;

    @Test
    void addsADeviceThroughTheApi() {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");
        ApiClient admin = TestData.customerAdmin(port, provider, customer);
        long site = TestData.site(admin, customer, "Montréal", "CA", "America/Toronto");
        long model = TestData.model(admin, "Yealink T46U");
        String mac = TestData.uniqueMac("805EC0");

        ApiClient.Response added = admin.post("/api/v1/customers/" + customer + "/devices",
                Map.of("siteId", site, "modelId", model, "macAddress", mac.toLowerCase()));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("macAddress").asString()).isEqualTo(mac);
    }
}
