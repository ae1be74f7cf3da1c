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
        visit("/tokens", "api-tokens");

        visit("/sites/new", null);
        browser.clickAndWaitForNewPage(By.id("save-site"));
        assertThat(browser.findAll(By.cssSelector("#site-form .invalid-feedback"))).isNotEmpty();
        assertClean();
        browser.screenshot("add-site-errors");

        visit("/devices/999999999", "error-page");
        assertThat(browser.text(By.tagName("main"))).contains("404");
    }

    private void switchTo(long customerId) {
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
