package com.switchboard.browser;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider admin picks the customer to act in with the top-bar switcher, then goes through the
 * portal's pages; each one must render (no error page, no unresolved message key).
 */
@SwitchboardTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProviderPortalBrowserIT extends BrowserTestSupport {

    private static final By SWITCHER = By.id("switch-customer");

    @Autowired
    JdbcClient jdbc;

    private long canadian;
    private long french;
    private String montreal;
    private String paris;

    @BeforeAll
    void createCustomersAndSignIn() {
        ApiClient provider = ApiClient.provider(port);
        canadian = TestData.customer(provider, "CA");
        french = TestData.customer(provider, "FR");
        montreal = siteName(TestData.site(provider, canadian, "Montréal", "CA", "America/Toronto"));
        paris = siteName(TestData.site(provider, french, "Paris", "FR", "Europe/Paris"));
        browser.signIn(ApiClient.PROVIDER_EMAIL, ApiClient.PROVIDER_PASSWORD);
    }

    @Test
    @Order(1)
    void withoutACustomerTheCustomerPagesAskToChooseOne() {
        visit("/", "dashboard-provider");
        assertThat(browser.select(SWITCHER).getFirstSelectedOption().getDomAttribute("value")).isEmpty();

        visit("/devices", "choose-customer");
        assertThat(browser.findAll(By.id("devices-table"))).isEmpty();
        assertThat(browser.find(By.cssSelector("main a[href='/customers']")).isDisplayed()).isTrue();
    }

    @Test
    @Order(2)
    void theSwitcherChoosesTheCustomerThePagesActIn() {
        browser.open("/sites");
        switchTo(canadian);
        assertThat(browser.path()).as("the switcher stays in the section").isEqualTo("/sites");
        assertThat(browser.text(By.id("sites-table"))).contains(montreal).doesNotContain(paris);

        switchTo(french);
        assertThat(browser.path()).isEqualTo("/sites");
        assertThat(browser.text(By.id("sites-table"))).contains(paris).doesNotContain(montreal);
        browser.screenshot("sites-list");
        browser.open("/devices");
        assertThat(browser.text(By.id("devices-empty"))).isNotEmpty();
        browser.screenshot("devices-empty");
    }

    @Test
    @Order(3)
    void everyPageRenders() {
        switchTo(canadian);
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

        visit("/sites/new", null);
        browser.clickAndWaitForNewPage(By.id("save-site"));
        assertThat(browser.findAll(By.cssSelector("#site-form .invalid-feedback"))).isNotEmpty();
        assertClean();
        browser.screenshot("add-site-errors");

        visit("/devices/999999999", "error-page");
        assertThat(browser.text(By.tagName("main"))).contains("404");
    }

    @Test
    @Order(4)
    void everyFormShowsItsErrorsNextToTheFields() {
        switchTo(canadian);
        submitEmpty("/catalogue/new", "save-model", "catalogue-form-errors");
        submitEmpty("/customers", "save-customer", null);
        submitEmpty("/admins", "save-admin", null);

        browser.open("/catalogue");
        browser.clickAndWaitForNewPage(By.cssSelector("#models-table a[href$='/edit']"));
        assertClean();
        assertThat(browser.findAll(By.id("manufacturer"))).as("the manufacturer of a model is not edited").isEmpty();
        browser.screenshot("catalogue-edit");
        browser.clickAndWaitForNewPage(By.id("save-model"));
        assertThat(browser.path()).isEqualTo("/catalogue");
        assertThat(browser.toast()).startsWith("Model ").endsWith(" saved.");
    }

    @Test
    @Order(5)
    void unknownAddressesShowTheErrorPageInTheLayout() {
        visit("/no-such-page", "not-found");
        assertThat(browser.text(By.tagName("main"))).contains("404");
        assertThat(browser.findAll(By.id("nav-devices"))).isNotEmpty();
        visit("/devices/not-a-number", null);
        assertThat(browser.text(By.tagName("main"))).contains("404");
    }

    @Test
    @Order(6)
    void everyPageRendersInFrench() {
        switchTo(french);
        browser.clickAndWaitForNewPage(By.cssSelector(".sb-lang a[lang=fr]"));
        try {
            visit("/", null);
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Tableau de bord");
            for (String path : new String[]{"/users", "/numbers", "/devices", "/devices/new", "/sites", "/sites/new",
                    "/admins", "/customers", "/catalogue", "/catalogue/new", "/tokens", "/devices/999999999"}) {
                visit(path, null);
            }
            browser.screenshot("catalogue-form-fr");
            visit("/sites", "sites-list-fr");
        } finally {
            browser.clickAndWaitForNewPage(By.cssSelector(".sb-lang a[lang=en]"));
        }
    }

    /** Last: it ends the session. */
    @Test
    @Order(7)
    void aPartialUpdateOfAnExpiredSessionGoesToTheSignInPage() {
        switchTo(canadian);
        browser.open("/devices/new");
        browser.driver().manage().deleteAllCookies();
        browser.select(By.id("siteId")).selectByIndex(0); // its only site is chosen already
        browser.waitUntil(d -> browser.path().startsWith("/login"));
        assertThat(browser.findAll(By.id("model-field"))).isEmpty();
        browser.waitFor(By.id("login-form"));
    }

    private void submitEmpty(String path, String button, String screenshot) {
        visit(path, null);
        browser.clickAndWaitForNewPage(By.id(button));
        assertThat(browser.findAll(By.cssSelector("form .invalid-feedback"))).as("errors on " + path).isNotEmpty();
        assertClean();
        if (screenshot != null) {
            browser.screenshot(screenshot);
        }
    }

    private void switchTo(long customerId) {
        if (browser.select(SWITCHER).getFirstSelectedOption().getDomAttribute("value").equals(Long.toString(customerId))) {
            return; // already acting in it: choosing it again would not fire a change
        }
        browser.markDocument();
        browser.select(SWITCHER).selectByValue(Long.toString(customerId));
        browser.waitUntil(d -> !browser.stillSameDocument());
        browser.waitFor(SWITCHER);
        assertThat(browser.select(SWITCHER).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo(Long.toString(customerId));
    }

    /** Opens a page, checks that it rendered cleanly, and keeps a screenshot of it when named. */
    private void visit(String path, String screenshot) {
        browser.open(path);
        assertClean();
        if (screenshot != null) {
            browser.screenshot(screenshot);
        }
    }

    private void assertClean() {
        String text = browser.text(By.tagName("body"));
        assertThat(text).as("unresolved message keys on " + browser.path()).doesNotContain("??");
        assertThat(browser.findAll(By.tagName("h1"))).as("a heading on " + browser.path()).isNotEmpty();
    }

    private String siteName(long siteId) {
        return jdbc.sql("select name from site where id = :id").param("id", siteId).query(String.class).single();
    }
}
