package com.switchboard.browser;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the portal, as a provider admin acting in a customer, renders in English and in
 * French: no error page, no unresolved message key; forms show their errors next to the fields.
 */
@SwitchboardTest
class PortalPagesBrowserIT extends BrowserTestSupport {

    @BeforeAll
    void createCustomerAndSignIn() {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");
        TestData.site(provider, customer, "Montréal", "CA", "America/Toronto");
        browser.signIn(ApiClient.PROVIDER_EMAIL, ApiClient.PROVIDER_PASSWORD);
        browser.open("/").switchCustomer(customer);
    }

    @Test
    void everyPageRenders() {
        visit("/", "dashboard");
        visit("/users", "users-empty");
        visit("/catalogue", "catalogue");
        assertThat(browser.text(By.tagName("main"))).contains("Yealink T46U").contains("Snom D785");
        visit("/customers", "customers");
        visit("/admins", "administrators");

        visit("/tokens", null);
        browser.type(By.id("token-name"), "Browser test token");
        browser.clickAndWaitForNewPage(By.id("create-token"));
        assertThat(browser.text(By.id("minted-token"))).contains("Browser test token");
        browser.screenshot("api-tokens");

        visit("/devices/999999999", "error-page");
        assertThat(browser.text(By.tagName("main"))).contains("404");
    }

    @Test
    void everyFormShowsItsErrorsNextToTheFields() {
        submitEmpty("/sites/new", "save-site", "add-site-errors");
        submitEmpty("/catalogue/new", "save-model", "catalogue-form-errors");
        submitEmpty("/customers", "save-customer", null);
        submitEmpty("/admins", "save-admin", null);

        String email = "browser-" + System.nanoTime() + "@example.test";
        browser.type(By.id("name"), "Claire Tremblay").type(By.id("email"), email).type(By.id("password"), "a-long-password-1");
        browser.clickAndWaitForNewPage(By.id("save-admin"));
        assertThat(browser.text(By.id("admins-table"))).contains(email).contains("Claire Tremblay");
        assertThat(browser.toast()).contains(email);
        browser.screenshot("administrators-added");
    }

    @Test
    void theCatalogueEditFormSavesAModel() {
        browser.open("/catalogue");
        browser.clickAndWaitForNewPage(By.cssSelector("#models-table a[href$='/edit']"));
        assertRenderedCleanly();
        assertThat(browser.findAll(By.id("manufacturer"))).as("the manufacturer of a model is not edited").isEmpty();
        browser.screenshot("catalogue-edit");
        browser.clickAndWaitForNewPage(By.id("save-model"));
        assertThat(browser.path()).isEqualTo("/catalogue");
        assertThat(browser.toast()).startsWith("Model ").endsWith(" saved.");
    }

    @Test
    void aNarrowWindowPutsTheNavigationAboveTheContent() {
        Dimension size = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(new Dimension(420, 900));
        try {
            visit("/devices", "devices-narrow");
            assertThat(browser.find(By.id("nav-sites")).getLocation().getY())
                    .isLessThan(browser.find(By.tagName("h1")).getLocation().getY());
        } finally {
            browser.driver().manage().window().setSize(size);
        }
    }

    @Test
    void unknownAddressesShowTheErrorPageInTheLayout() {
        visit("/no-such-page", "not-found");
        assertThat(browser.text(By.tagName("main"))).contains("404");
        assertThat(browser.findAll(By.id("nav-devices"))).isNotEmpty();
        visit("/devices/not-a-number", null);
        assertThat(browser.text(By.tagName("main"))).contains("404");
    }

    @Test
    void everyPageRendersInFrench() {
        browser.open("/").clickAndWaitForNewPage(By.cssSelector(".sb-lang a[lang=fr]"));
        try {
            visit("/", null);
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Tableau de bord");
            for (String path : new String[]{"/users", "/numbers", "/devices", "/devices/new", "/sites", "/sites/new",
                    "/admins", "/customers", "/catalogue", "/tokens", "/devices/999999999", "/catalogue/new"}) {
                visit(path, null);
            }
            browser.screenshot("catalogue-form-fr");
            visit("/sites", "sites-list-fr");
        } finally {
            browser.clickAndWaitForNewPage(By.cssSelector(".sb-lang a[lang=en]"));
        }
    }

    private void submitEmpty(String path, String button, String screenshot) {
        visit(path, null);
        browser.clickAndWaitForNewPage(By.id(button));
        assertThat(browser.findAll(By.cssSelector("form .invalid-feedback"))).as("errors on " + path).isNotEmpty();
        assertRenderedCleanly();
        if (screenshot != null) {
            browser.screenshot(screenshot);
        }
    }
}
