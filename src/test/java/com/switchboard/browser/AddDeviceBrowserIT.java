package com.switchboard.browser;

import java.util.List;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer admin adds a desk phone through the page, in French: the model list follows the
 * chosen site without a reload, a wrong MAC comes back inline with what was typed, and the saved
 * device shows in the list with a toast.
 */
@SwitchboardTest
class AddDeviceBrowserIT extends BrowserTestSupport {

    private static final By SITE = By.id("siteId");
    private static final By MODEL = By.id("modelId");
    private static final By MAC = By.id("macAddress");
    private static final By LABEL = By.id("label");
    private static final By SAVE = By.id("save-device");

    @Test
    void addsADeviceInFrenchWithTheModelsOfTheChosenSite() {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");
        String email = TestData.customerAdminEmail(provider, customer);
        long montreal = TestData.site(provider, customer, "Montréal", "CA", "America/Toronto");
        long paris = TestData.site(provider, customer, "Paris", "FR", "Europe/Paris");

        browser.open("/login");
        browser.waitFor(By.id("login-form"));
        browser.screenshot("sign-in");

        browser.signIn(email, TestData.ADMIN_PASSWORD);
        browser.clickAndWaitForNewPage(By.cssSelector(".sb-lang a[lang=fr]"));
        assertThat(browser.text(By.id("nav-devices"))).isEqualTo("Appareils");

        browser.clickAndWaitForNewPage(By.id("nav-devices"));
        browser.clickAndWaitForNewPage(By.id("add-device"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Ajouter un appareil");
        assertThat(browser.find(MODEL).isEnabled()).as("model list before a site is chosen").isFalse();

        browser.markDocument();
        browser.select(SITE).selectByValue(Long.toString(montreal));
        browser.waitUntil(d -> browser.options(MODEL).contains("Yealink T46U"));
        assertThat(browser.find(MODEL).isEnabled()).isTrue();
        assertThat(browser.options(MODEL)).contains("Cisco 6821").doesNotContain("Snom D785");

        browser.select(SITE).selectByValue(Long.toString(paris));
        browser.waitUntil(d -> browser.options(MODEL).contains("Snom D785"));
        assertThat(browser.options(MODEL)).contains("Yealink T46U").doesNotContain("Cisco 6821");
        assertThat(browser.stillSameDocument()).as("the model list changed without a page reload").isTrue();

        browser.select(SITE).selectByValue(Long.toString(montreal));
        browser.waitUntil(d -> browser.options(MODEL).contains("Cisco 6821"));
        browser.select(MODEL).selectByVisibleText("Yealink T46U");
        browser.type(MAC, "01:00:5E:00:00:01").type(LABEL, "Accueil");
        browser.screenshot("add-device-form");

        browser.clickAndWaitForNewPage(SAVE);
        assertThat(browser.text(By.id("macAddress-error"))).contains("multidiffusion");
        // The refusal is summed up at the top, announced, focused, and links to the field.
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("error-summary");
        assertThat(browser.find(By.id("error-summary")).getDomAttribute("role")).isEqualTo("alert");
        assertThat(browser.text(By.id("error-summary"))).startsWith("Il y a un problème").contains("multidiffusion");
        assertThat(browser.find(By.cssSelector("#error-summary a")).getDomAttribute("href")).isEqualTo("#macAddress");
        assertThat(browser.find(MAC).getDomAttribute("aria-required")).isEqualTo("true");
        assertThat(browser.find(By.cssSelector("label[for=macAddress]")).getDomAttribute("class")).contains("sb-required");
        assertThat(browser.find(MAC).getAttribute("class")).contains("is-invalid");
        assertThat(browser.find(MAC).getDomProperty("value")).isEqualTo("01:00:5E:00:00:01");
        assertThat(browser.find(LABEL).getDomProperty("value")).isEqualTo("Accueil");
        assertThat(browser.select(SITE).getFirstSelectedOption().getDomAttribute("value")).isEqualTo(Long.toString(montreal));
        assertThat(browser.select(MODEL).getFirstSelectedOption().getText()).isEqualTo("Yealink T46U");
        browser.screenshot("add-device-error");

        String mac = TestData.uniqueMac("805EC0");
        browser.type(MAC, mac.toLowerCase().replace(':', '-'));
        browser.clickAndWaitForNewPage(SAVE);

        assertThat(browser.path()).isEqualTo("/devices");
        List<String> rows = browser.findAll(By.cssSelector("#devices-table tbody tr")).stream()
                .map(r -> r.getText()).toList();
        assertThat(rows).singleElement().satisfies(row -> assertThat(row)
                .contains(mac).contains("Yealink T46U").contains("Accueil").contains("Non attribué"));
        assertThat(browser.toast())
                .isEqualTo("Appareil " + mac + " (Yealink T46U) ajouté au site " + siteName(montreal) + ".");
        browser.screenshot("devices-list");
        assertThat(devicesWithMac(customer, mac)).isEqualTo(1);

        browser.clickAndWaitForNewPage(By.linkText(mac));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo(mac);
        assertThat(browser.text(By.tagName("main"))).contains("Yealink T46U").contains(siteName(montreal));
        assertRenderedCleanly();
        browser.screenshot("device-detail");

        browser.clickAndWaitForNewPage(By.id("delete-device"));
        assertThat(browser.text(By.id("remove-list"))).contains(mac);
        browser.clickAndWaitForNewPage(By.id("confirm-remove"));
        assertThat(browser.toast()).isEqualTo("Appareil " + mac + " supprimé.");
        assertThat(browser.find(By.id("devices-empty")).isDisplayed()).isTrue();
        assertThat(devicesWithMac(customer, mac)).isZero();
    }

    /**
     * A box of phones with a barcode scanner: "Save and add another" keeps the site and the model and
     * puts the cursor in an empty MAC field, where the scanner types each MAC and Enter.
     */
    @Test
    void savesAndAddsAnotherAsABarcodeScannerTypesMacsAndEnter() {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");
        String email = TestData.customerAdminEmail(provider, customer);
        long montreal = TestData.site(provider, customer, "Montréal", "CA", "America/Toronto");
        TestData.site(provider, customer, "Toronto", "CA", "America/Toronto");
        browser.signIn(email, TestData.ADMIN_PASSWORD);
        browser.open("/devices/new");
        browser.select(SITE).selectByValue(Long.toString(montreal));
        browser.waitUntil(d -> browser.options(MODEL).contains("Yealink T46U"));
        browser.select(MODEL).selectByVisibleText("Yealink T46U");
        String first = TestData.uniqueMac("805EC0");
        // As some labels print it: blanks between the bytes.
        browser.type(MAC, first.replace(':', ' ')).type(LABEL, "Accueil");
        browser.clickAndWaitForNewPage(By.id("save-and-add-another"));

        assertThat(browser.path()).startsWith("/devices/new?then=another");
        assertThat(browser.toast()).contains(first);
        assertThat(browser.select(SITE).getFirstSelectedOption().getDomAttribute("value")).isEqualTo(Long.toString(montreal));
        assertThat(browser.select(MODEL).getFirstSelectedOption().getText()).isEqualTo("Yealink T46U");
        assertThat(browser.find(MAC).getDomProperty("value")).isEmpty();
        assertThat(browser.find(LABEL).getDomProperty("value")).isEmpty();
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("macAddress");
        browser.screenshot("add-another");

        List<String> scanned = List.of(TestData.uniqueMac("805EC0"), TestData.uniqueMac("805EC0"));
        for (String mac : scanned) {
            browser.markDocument();
            browser.driver().switchTo().activeElement().sendKeys(mac.replace(":", "") + Keys.ENTER);
            browser.waitUntil(d -> !browser.stillSameDocument());
            browser.waitFor(MAC);
            assertThat(browser.path()).startsWith("/devices/new?then=another");
            assertThat(browser.toast()).contains(mac);
            assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("macAddress");
        }
        assertThat(jdbc.sql("select count(*) from device d join device_model m on m.id = d.model_id"
                        + " where d.customer_id = :customer and d.site_id = :site and m.model = 'T46U'")
                .param("customer", customer).param("site", montreal).query(Long.class).single()).isEqualTo(3);
    }

    private long devicesWithMac(long customer, String mac) {
        return jdbc.sql("select count(*) from device where customer_id = :customer and mac = :mac")
                .param("customer", customer).param("mac", mac.replace(":", "")).query(Long.class).single();
    }
}
