package com.switchboard.browser;

import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the browser tests: one Chromium per test class, started before the first test and quit
 * after the last. Without Chromium or chromedriver the tests are skipped on a workstation, but
 * fail under CI=true, where a skipped browser test would hide a broken setup.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserTestSupport.ScreenshotOnFailure.class)
public abstract class BrowserTestSupport {

    @LocalServerPort
    protected int port;

    protected Browser browser;

    @Autowired
    protected JdbcClient jdbc;

    @BeforeAll
    void startBrowser() {
        Browser.requireInstalled();
        browser = Browser.start(port);
    }

    @AfterAll
    void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Opens a page, checks that it rendered cleanly, and keeps a screenshot of it when named. */
    protected void visit(String path, String screenshot) {
        browser.open(path);
        assertRenderedCleanly();
        if (screenshot != null) {
            browser.screenshot(screenshot);
        }
    }

    /** A page with a heading and no unresolved message key (shown as ??key??). */
    protected void assertRenderedCleanly() {
        assertThat(browser.text(By.tagName("body"))).as("unresolved message keys on " + browser.path()).doesNotContain("??");
        assertThat(browser.findAll(By.tagName("h1"))).as("a heading on " + browser.path()).isNotEmpty();
    }

    protected String siteName(long siteId) {
        return jdbc.sql("select name from site where id = :id").param("id", siteId).query(String.class).single();
    }

    /** Keeps a picture of the page at the moment a test failed, next to the others. */
    static class ScreenshotOnFailure implements TestWatcher {

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            Optional<Object> instance = context.getTestInstance();
            if (instance.orElse(null) instanceof BrowserTestSupport test && test.browser != null) {
                try {
                    test.browser.screenshot("failed-" + context.getRequiredTestClass().getSimpleName()
                            + "-" + context.getRequiredTestMethod().getName());
                } catch (RuntimeException e) {
                    cause.addSuppressed(e);
                }
            }
        }
    }
}
