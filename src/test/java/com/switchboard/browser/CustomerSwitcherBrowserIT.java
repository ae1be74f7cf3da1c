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

import static org.assertj.core.api.Assertions.assertThat;

/** A provider admin picks the customer the pages act in with the top-bar switcher. */
@SwitchboardTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerSwitcherBrowserIT extends BrowserTestSupport {

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
        assertThat(browser.switchedCustomer()).isEmpty();

        visit("/devices", "choose-customer");
        assertThat(browser.findAll(By.id("devices-table"))).isEmpty();
        assertThat(browser.find(By.cssSelector("main a[href='/customers']")).isDisplayed()).isTrue();
    }

    @Test
    @Order(2)
    void theSwitcherChoosesTheCustomerThePagesActIn() {
        browser.open("/sites").switchCustomer(canadian);
        assertThat(browser.switchedCustomer()).isEqualTo(Long.toString(canadian));
        assertThat(browser.path()).as("the switcher stays in the section").isEqualTo("/sites");
        assertThat(browser.text(By.id("sites-table"))).contains(montreal).doesNotContain(paris);

        browser.switchCustomer(french);
        assertThat(browser.switchedCustomer()).isEqualTo(Long.toString(french));
        assertThat(browser.path()).isEqualTo("/sites");
        assertThat(browser.text(By.id("sites-table"))).contains(paris).doesNotContain(montreal);
        browser.screenshot("sites-list");

        browser.open("/devices");
        assertThat(browser.text(By.id("devices-empty"))).isNotEmpty();
        browser.screenshot("devices-empty");
        browser.open("/customers");
        assertThat(browser.text(By.cssSelector("#customers-table tr:has(.badge)"))).contains(customerName(french));
    }

    /** Last: it ends the session. */
    @Test
    @Order(3)
    void aPartialUpdateOfAnExpiredSessionGoesToTheSignInPage() {
        browser.switchCustomer(canadian);
        browser.open("/devices/new");
        browser.driver().manage().deleteAllCookies();
        browser.select(By.id("siteId")).selectByIndex(0); // its only site is chosen already
        browser.waitUntil(d -> browser.path().startsWith("/login"));
        browser.waitFor(By.id("login-form"));
        assertThat(browser.findAll(By.id("model-field"))).isEmpty();
    }

    private String customerName(long customerId) {
        return jdbc.sql("select name from customer where id = :id").param("id", customerId).query(String.class).single();
    }
}
