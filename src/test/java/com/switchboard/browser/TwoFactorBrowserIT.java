package com.switchboard.browser;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin turns on two-factor sign-in from the account menu, as they would with their phone: the
 * test plays the authenticator app, computing the codes from the key the page shows.
 */
@SwitchboardTest
class TwoFactorBrowserIT extends BrowserTestSupport {

    private static final String PASSWORD = "browser-two-factor-1";

    @Test
    void anAdminTurnsItOnAndThenSignsInWithACodeFromTheApp() {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");
        String email = "browser-2fa-" + UUID.randomUUID() + "@example.test";
        assertThat(provider.post("/api/v1/customers/" + customer + "/admins",
                Map.of("email", email, "name", "Dominique Tremblay", "password", PASSWORD)).status()).isEqualTo(201);

        browser.signIn(email, PASSWORD);
        visit("/account/two-factor", "two-factor-off");
        browser.clickAndWaitForNewPage(By.id("turn-on"));
        assertRenderedCleanly();
        assertThat(browser.find(By.id("qr-code")).isDisplayed()).isTrue();
        Object qrWidth = ((JavascriptExecutor) browser.driver()).executeScript("return document.getElementById('qr-code').naturalWidth");
        assertThat(((Number) qrWidth).intValue()).as("the QR code image is drawn").isGreaterThan(100);
        String secret = browser.text(By.id("secret")).strip();
        assertThat(secret).matches("[A-Z2-7]{32}");
        browser.screenshot("two-factor-enrol");

        long step = Instant.now().getEpochSecond() / 30;
        browser.type(By.id("code"), code(secret, step));
        browser.clickAndWaitForNewPage(By.id("confirm-code"));
        assertRenderedCleanly();
        assertThat(browser.findAll(By.cssSelector("#recovery-codes li"))).hasSize(10);
        browser.screenshot("two-factor-recovery-codes");
        browser.clickAndWaitForNewPage(By.id("continue"));
        assertThat(browser.text(By.id("two-factor-state"))).isEqualTo("Two-factor sign-in is on.");

        browser.driver().manage().deleteAllCookies();
        browser.open("/login");
        browser.type(By.id("email"), email);
        browser.type(By.id("password"), PASSWORD);
        browser.clickAndWaitForNewPage(By.cssSelector("#login-form button[type=submit]"));
        assertThat(browser.path()).isEqualTo("/login/code");
        assertRenderedCleanly();
        browser.screenshot("two-factor-code");
        browser.type(By.id("code"), code(secret, step + 1));
        browser.clickAndWaitForNewPage(By.id("verify-code"));
        browser.waitFor(By.id("account-menu"));
        assertThat(browser.path()).isEqualTo("/");
    }

    private static String code(String secret, long step) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }
}
