package com.switchboard.browser;

import java.util.Map;

import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import com.switchboard.TestTenant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone (390 px wide) the Devices, Users and Numbers lists are cards: nothing scrolls sideways,
 * and each phone still shows its MAC, model, status and user. Status badges differ by meaning.
 */
@SwitchboardTest
class NarrowScreenBrowserIT extends BrowserTestSupport {

    @Test
    void devicesUsersAndNumbersAreReadableCardsOnAPhone() {
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        long user = tenant.user(site, "Gabrielle", "Tremblay-Lefebvre", "101");
        long assigned = tenant.device(site, "Yealink T46U", "805EC0");
        tenant.device(site, "Yealink T54W", "805EC0");
        tenant.number(site, "+1 873 555 0142");
        assertThat(tenant.admin().put(tenant.path("/devices/" + assigned + "/assignment"), Map.of("userId", user)).status())
                .isEqualTo(200);
        String email = TestData.customerAdminEmail(tenant.provider(), tenant.customerId());
        browser.signIn(email, TestData.ADMIN_PASSWORD);

        browser.open("/devices");
        assertThat(browser.find(By.cssSelector(".sb-status-ASSIGNED")).getCssValue("background-color"))
                .isNotEqualTo(browser.find(By.cssSelector(".sb-status-UNASSIGNED")).getCssValue("background-color"));

        // A laptop's width: the table's provisioning and registration columns fit without scrolling sideways.
        browser.driver().manage().window().setSize(new Dimension(1300, 900));
        try {
            browser.open("/devices");
            browser.screenshot("devices-laptop");
            assertThat((Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
                    "const box = document.getElementById('devices-table').parentElement;"
                            + " return box.scrollWidth <= box.clientWidth")).as("the devices table scrolls sideways at 1300 px").isTrue();
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1400, 1000));
        }

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            for (String page : new String[]{"/devices", "/users", "/numbers"}) {
                browser.open(page);
                assertRenderedCleanly();
                String name = page.substring(1);
                assertThat(browser.find(By.cssSelector("#" + name + "-table thead")).isDisplayed()).isFalse();
                assertThat(noSidewaysScroll()).as("sideways scrolling on " + page).isTrue();
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({behavior: 'instant'})",
                        browser.find(By.id(name + "-table")));
                browser.screenshot("narrow-" + name);
            }
            browser.open("/devices");
            String card = browser.find(By.xpath("//table[@id='devices-table']//tr[.//a[contains(., 'Gabrielle')]]")).getText();
            assertThat(card).contains("Yealink T46U").contains("Assigned").contains("Gabrielle Tremblay-Lefebvre")
                    .containsPattern("[0-9A-F]{2}(:[0-9A-F]{2}){5}");
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1400, 1000));
        }
    }

    private boolean noSidewaysScroll() {
        return (Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
    }
}
