package com.switchboard.browser;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting a site: one that still holds a device, a user or a number says so first, how many and
 * where to go, without any confirmation dialog; only an empty site asks to confirm, then goes.
 */
@SwitchboardTest
class SiteDeletionBrowserIT extends BrowserTestSupport {

    private long customer;
    private long inUse;
    private long empty;

    @BeforeAll
    void createSitesAndSignIn() {
        ApiClient provider = ApiClient.provider(port);
        customer = TestData.customer(provider, "CA");
        inUse = TestData.site(provider, customer, "Montréal", "CA", "America/Toronto");
        empty = TestData.site(provider, customer, "Laval", "CA", "America/Toronto");
        long model = TestData.model(provider, "Yealink T46U");
        TestData.device(provider, customer, inUse, model, TestData.uniqueMac("805EC0"));
        TestData.device(provider, customer, inUse, model, TestData.uniqueMac("805EC0"));
        TestData.assignToNewUser(jdbc, TestData.device(provider, customer, inUse, model, TestData.uniqueMac("805EC0")));
        browser.signIn(ApiClient.PROVIDER_EMAIL, ApiClient.PROVIDER_PASSWORD);
        browser.open("/").switchCustomer(customer);
    }

    @Test
    void aSiteInUseExplainsWhyBeforeAnyConfirmation() {
        visit("/sites", null);
        // No dialog: the next page opens at once (an unexpected alert would fail the wait).
        browser.clickAndWaitForNewPage(By.id("delete-site-" + inUse));
        assertRenderedCleanly();
        assertThat(browser.path()).isEqualTo("/sites/" + inUse + "/delete");
        assertThat(browser.text(By.id("site-in-use"))).contains("cannot be deleted")
                .contains("3 devices").contains("1 user").doesNotContain("number");
        browser.screenshot("site-delete-in-use");

        browser.clickAndWaitForNewPage(By.id("site-holds-devices"));
        assertThat(browser.path()).isEqualTo("/devices?siteId=" + inUse);
        assertThat(jdbc.sql("select count(*) from site where id = :id").param("id", inUse).query(Long.class).single()).isOne();

        browser.open("/sites/" + inUse + "/delete?lang=fr");
        try {
            assertThat(browser.text(By.id("site-in-use"))).contains("ne peut pas être supprimé")
                    .contains("3 appareils").contains("1 utilisateur");
            browser.screenshot("site-delete-in-use-fr");
        } finally {
            browser.open("/sites?lang=en");
        }
    }

    @Test
    void anEmptySiteAsksToConfirmThenGoes() {
        visit("/sites", null);
        browser.clickConfirmAndWaitForNewPage(By.id("delete-site-" + empty));
        assertThat(browser.path()).isEqualTo("/sites");
        assertThat(browser.toast()).contains("deleted");
        assertThat(browser.findAll(By.id("delete-site-" + empty))).isEmpty();
        assertThat(jdbc.sql("select count(*) from site where id = :id").param("id", empty).query(Long.class).single()).isZero();
    }
}
