package com.switchboard.registrar;

import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import com.switchboard.browser.BrowserTestSupport;
import com.switchboard.registrar.TestPhones.Customer;
import com.switchboard.registrar.TestPhones.Phone;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator sees which phones are registered, in the list and on the device's page. */
@SwitchboardTest
class RegistrarBrowserIT extends BrowserTestSupport {

    @Autowired
    Registrar registrar;

    @Test
    void aRegisteredPhoneShowsInTheListAndOnItsPage() {
        Sipp.assumeInstalled(registrar.status());
        Sipp sipp = new Sipp(registrar.status().sipPort());
        TestPhones phones = new TestPhones(port, jdbc, registrar.status().sipPort());
        Customer customer = phones.customer();
        Phone registered = phones.phone(customer, "Inès", "301");
        Phone silent = phones.phone(customer, "Jules", "302");
        assertThat(sipp.register(registered.account(), 15071, 300)).isTrue();
        String registeredMac = mac(registered.deviceId());
        String silentMac = mac(silent.deviceId());

        browser.signIn(TestData.customerAdminAccount(customer.tenant().provider(), customer.tenant().customerId()),
                TestData.PASSWORD);
        visit("/", "registrar-dashboard");
        assertThat(browser.text(By.id("count-registered"))).isEqualTo("1 phone registered");

        visit("/devices", null);
        assertThat(browser.text(By.xpath("//tr[.//a[text()='" + registeredMac + "']]"))).contains("Registered");
        // The registration column is right of the fold on a laptop's width: brought into view for the screenshot.
        scrollTo(By.xpath("//tr[.//a[text()='" + registeredMac + "']]/td[contains(., 'Registered')]"));
        browser.screenshot("registrar-devices-list");
        assertThat(browser.text(By.xpath("//tr[.//a[text()='" + silentMac + "']]"))).contains("Not registered");

        // Restart both from the list: the confirmation says only the registered one gets it.
        browser.find(By.cssSelector("input[name=ids][value='" + registered.deviceId() + "']")).click();
        browser.find(By.cssSelector("input[name=ids][value='" + silent.deviceId() + "']")).click();
        browser.clickAndWaitForNewPage(By.id("restart-selected"));
        assertThat(browser.path()).startsWith("/devices/phones?");
        assertThat(browser.text(By.tagName("main"))).contains("One of the 2 selected phones is registered: only it receives the request.");
        browser.screenshot("registrar-bulk-restart");
        browser.clickAndWaitForNewPage(By.id("confirm-phones"));
        assertThat(browser.toast()).contains("Request sent: 1. Not registered, left alone: 1.");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'device.restarted' and object_id = :id")
                .param("id", Long.toString(registered.deviceId())).query(Long.class).single()).isEqualTo(1);

        visit("/devices?registered=true", null);
        assertThat(browser.text(By.id("devices-table"))).contains(registeredMac).doesNotContain(silentMac);

        visit("/devices/" + registered.deviceId(), null);
        browser.waitForText(By.id("registration-state"), "Registered");
        assertThat(browser.text(By.id("registration-agent"))).isEqualTo(Sipp.USER_AGENT);
        assertThat(browser.text(By.id("registration-address"))).isEqualTo("127.0.0.1:15071");
        assertThat(browser.find(By.id("restart-phone")).isEnabled()).isTrue();
        scrollTo(By.id("registration-state"));
        browser.screenshot("registrar-device-registered");

        visit("/devices/" + silent.deviceId(), null);
        browser.waitForText(By.id("registration-state"), "Not registered");
        assertThat(browser.find(By.id("restart-phone")).isEnabled()).isFalse();
        scrollTo(By.id("registration-state"));
        browser.screenshot("registrar-device-not-registered");
    }

    private void scrollTo(By locator) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'})", browser.find(locator));
    }

    private String mac(long deviceId) {
        String mac = jdbc.sql("select mac from device where id = :id").param("id", deviceId).query(String.class).single();
        return mac.replaceAll("(..)(?!$)", "$1:");
    }
}
