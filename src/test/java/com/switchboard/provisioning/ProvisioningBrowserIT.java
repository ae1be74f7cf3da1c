package com.switchboard.provisioning;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import com.switchboard.browser.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Provisioning page in French: the URLs per vendor, a fetch log with a phone that is not in the
 * inventory, adding it in one click with its MAC and model prefilled, then its line and masked
 * configuration on the device page, and the key rotation's confirmation.
 */
@SwitchboardTest
class ProvisioningBrowserIT extends BrowserTestSupport {

    @Test
    void addsAPhoneThatAskedForItsConfigurationInFrench() throws Exception {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "FR");
        String email = TestData.customerAdminEmail(provider, customer);
        ApiClient admin = TestData.customerAdmin(port, provider, customer);
        long site = TestData.site(provider, customer, "Paris", "FR", "Europe/Paris");
        String base = URI.create(admin.get("/api/v1/customers/" + customer + "/provisioning").json()
                .get("urls").get("yealink").asString()).getPath();
        String unknownMac = TestData.uniqueMac("805EC0").replace(":", "");
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + base + unknownMac.toLowerCase() + ".cfg"))
                .header("User-Agent", "Yealink SIP-T46U 108.86.0.45 " + unknownMac.toLowerCase()).build(), HttpResponse.BodyHandlers.ofString());

        browser.open("/login");
        browser.signIn(email, TestData.ADMIN_PASSWORD);
        browser.clickAndWaitForNewPage(By.cssSelector(".sb-lang a[lang=fr]"));
        browser.clickAndWaitForNewPage(By.id("nav-provisioning"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Provisionnement");
        assertThat(browser.find(By.id("url-value-yealink")).getAttribute("value")).endsWith(base);
        assertThat(browser.find(By.id("url-value-cisco-mpp")).getAttribute("value")).endsWith(base + "$MA.xml");
        assertThat(browser.text(By.id("provisioning-fetches"))).contains("Absent de l'inventaire");
        assertRenderedCleanly();
        browser.screenshot("provisioning-fr");

        scrollTo(By.cssSelector(".add-fetched-device"));
        browser.screenshot("provisioning-fetches-fr");
        browser.clickAndWaitForNewPage(By.cssSelector(".add-fetched-device"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Ajouter un appareil");
        assertThat(browser.find(By.id("macAddress")).getAttribute("value").replace(":", "")).isEqualToIgnoringCase(unknownMac);
        // Prefilled: the customer's site where the model is sold, and the model its user agent names.
        assertThat(browser.select(By.id("siteId")).getFirstSelectedOption().getAttribute("value")).isEqualTo(Long.toString(site));
        assertThat(browser.select(By.id("modelId")).getFirstSelectedOption().getText()).isEqualTo("Yealink T46U");
        browser.screenshot("provisioning-add-fetched-device-fr");
        scrollTo(By.id("save-device"));
        browser.clickAndWaitForNewPage(By.id("save-device"));
        long device = jdbc.sql("select id from device where mac = :mac").param("mac", unknownMac.toUpperCase()).query(Long.class).single();

        long user = admin.post("/api/v1/customers/" + customer + "/users", Map.of("firstName", "Zoé", "lastName", "Lefèvre",
                "email", "zoe.lefevre." + device + "@example.test", "siteId", site, "extension", "301")).json().get("id").asLong();
        admin.put("/api/v1/customers/" + customer + "/devices/" + device + "/assignment", Map.of("userId", user));
        browser.open("/devices/" + device);
        browser.waitFor(By.id("device-configuration"));
        assertThat(browser.text(By.id("device-configuration"))).contains("account.1.password = ********")
                .contains("account.1.display_name = Zoé Lefèvre");
        assertRenderedCleanly();
        browser.screenshot("provisioning-device-fr");

        scrollTo(By.id("reset-password"));
        browser.clickAndWaitForNewPage(By.id("reset-password"));
        assertThat(browser.text(By.id("reset-warning"))).contains("nouveau mot de passe");
        browser.clickAndWaitForNewPage(By.id("confirm-reset"));
        assertThat(browser.toast()).contains("nouveau mot de passe");

        browser.open("/provisioning");
        browser.clickAndWaitForNewPage(By.id("rotate-key"));
        assertThat(browser.text(By.id("rotate-warning"))).contains("cessent aussitôt de fonctionner");
        browser.screenshot("provisioning-rotate-fr");
        browser.clickAndWaitForNewPage(By.id("confirm-rotate"));
        assertThat(browser.find(By.id("url-value-yealink")).getAttribute("value")).doesNotEndWith(base);
    }

    private void scrollTo(By locator) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.find(locator));
    }
}
