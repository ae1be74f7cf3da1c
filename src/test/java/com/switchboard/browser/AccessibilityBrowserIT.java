package com.switchboard.browser;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (the engine ships inside the test jar; nothing is fetched) checks every main page of the
 * portal against WCAG 2.1 A and AA, in English and in French: contrast, labels, landmarks, headings,
 * the document's language. One browser, one sign-in per language; every violation of every page is
 * reported at once.
 */
@SwitchboardTest
class AccessibilityBrowserIT extends BrowserTestSupport {

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> FINISHED = Set.of("COMPLETED", "REJECTED", "FAILED");

    private ApiClient provider;
    private long customer;
    private long site;
    private long device;
    private long user;
    private long deviceImport;
    private String adminEmail;

    @BeforeAll
    void createCustomer() {
        provider = ApiClient.provider(port);
        customer = TestData.customer(provider, "CA");
        site = TestData.site(provider, customer, "Montréal", "CA", "America/Toronto");
        long model = TestData.model(provider, "Yealink T46U");
        device = TestData.device(provider, customer, site, model, TestData.uniqueMac("805EC0"));
        TestData.device(provider, customer, site, model, TestData.uniqueMac("805EC0"));
        user = TestData.assignToNewUser(jdbc, device);
        adminEmail = TestData.customerAdminEmail(provider, customer);
        provider.post("/api/v1/customers/" + customer + "/numbers", Map.of("e164", "514 555-0199", "siteId", site));
        deviceImport = rejectedImport();
    }

    @Test
    void everyMainPagePassesAxeInEnglishAndFrench() {
        List<String> violations = new ArrayList<>();
        for (String language : List.of("en", "fr")) {
            browser.driver().manage().deleteAllCookies();
            browser.open("/login?lang=" + language);
            check(violations, language, "/login");
            browser.signIn(adminEmail, TestData.ADMIN_PASSWORD);
            browser.open("/language?lang=" + language);
            assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
            for (String path : List.of("/", "/devices", "/devices/" + device, "/devices/" + device + "/edit",
                    "/devices/new", "/devices/" + device + "/assignment", "/devices/" + device + "/provisioning",
                    "/devices/imports", "/devices/imports/new", "/devices/imports/instructions",
                    "/devices/imports/" + deviceImport, "/users", "/users/" + user, "/users/" + user + "/edit",
                    "/users/imports/new", "/users/imports/instructions", "/numbers", "/numbers/new", "/sites",
                    "/sites/new", "/sites/" + site + "/edit", "/sites/" + site + "/delete", "/audit", "/provisioning", "/account/password", "/account/two-factor",
                    "/tokens", "/admins")) {
                browser.open(path);
                check(violations, language, path);
            }
            wizard(violations, language);
            browser.driver().manage().deleteAllCookies();
            browser.open("/login?lang=" + language);
            browser.signIn(ApiClient.PROVIDER_EMAIL, ApiClient.PROVIDER_PASSWORD);
            browser.open("/language?lang=" + language);
            for (String path : List.of("/customers", "/catalogue", "/catalogue/new", "/admins")) {
                browser.open(path);
                check(violations, language, path + " (provider)");
            }
        }
        assertThat(violations).as("axe-core violations").isEmpty();
    }

    /** The four steps of the new-user wizard, the first one filled in to reach the others. */
    private void wizard(List<String> violations, String language) {
        browser.open("/users/setup/start");
        check(violations, language, browser.path());
        browser.type(By.id("firstName"), "Anne").type(By.id("lastName"), "Axe")
                .type(By.id("email"), "axe-" + System.nanoTime() + "@example.test");
        for (int step = 0; step < 3; step++) {
            next();
            check(violations, language, browser.path());
        }
    }

    private void next() {
        browser.clickAndWaitForNewPage(By.id("wizard-next"));
    }

    private void check(List<String> violations, String language, String page) {
        browser.waitForHtmx();
        Results results = new AxeBuilder().withTags(WCAG).analyze(browser.driver());
        assertThat(results.getErrorMessage()).as("axe-core ran on " + page).isNull();
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                violations.add("[" + language + "] " + page + ": " + rule.getId() + " (" + rule.getHelp() + ") at "
                        + node.getTarget() + " " + abbreviate(node.getHtml()) + " " + abbreviate(node.getFailureSummary()));
            }
        }
        if (!results.getViolations().isEmpty()) {
            browser.screenshot("axe-" + language + page.replaceAll("[^a-z0-9]+", "-"));
        }
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    /** A device import refused for a bad row, so that its result page shows the error table. */
    private long rejectedImport() {
        ApiClient admin = TestData.customerAdmin(port, provider, customer);
        String csv = "Site,Device model,MAC address,Label\n" + siteName(site) + ",Yealink T46U,not-a-mac,Desk\n";
        ApiClient.Response accepted = admin.upload("/api/v1/customers/" + customer + "/device-imports", "file",
                "devices.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        long id = accepted.json().get("id").asLong();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!FINISHED.contains(admin.get("/api/v1/customers/" + customer + "/device-imports/" + id)
                .json().get("status").asString())) {
            assertThat(Instant.now()).as("the import finishes").isBefore(deadline);
            Thread.onSpinWait();
        }
        return id;
    }
}
