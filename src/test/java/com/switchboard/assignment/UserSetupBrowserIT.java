package com.switchboard.assignment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import com.switchboard.TestTenant;
import com.switchboard.browser.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer admin, in French, sets up users with the wizard from the Dashboard and from the Users page,
 * and assigns a number from the Numbers page; screenshots of each screen go to target/screenshots/.
 */
@SwitchboardTest
class UserSetupBrowserIT {

    private static final String PASSWORD = "browser-password-123";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private WebDriver browser;
    private WebDriverWait wait;
    private Browser chromium;

    @BeforeEach
    void startChromium() throws IOException {
        Browser.requireInstalled();
        chromium = Browser.start(port);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void setsUpUsersFromTheDashboardAndTheUsersPageAndAssignsANumberFromTheNumbersPage() throws IOException {
        TestTenant tenant = TestTenant.create(port, "CA");
        long montreal = site(tenant, "Montréal");
        site(tenant, "Toronto");
        assertThat(tenant.admin().post(tenant.path("/numbers"),
                Map.of("from", "+1 418 555 0100", "to", "0105", "siteId", montreal)).status()).isEqualTo(201);
        long model = TestData.model(tenant.admin(), "Yealink T46U");
        String firstMac = TestData.uniqueMac("805EC0");
        tenant.admin().post(tenant.path("/devices"), Map.of("siteId", montreal, "modelId", model, "macAddress", firstMac, "label", "Réception"));
        long conferencePhone = tenant.admin().post(tenant.path("/devices"), Map.of("siteId", montreal,
                "modelId", TestData.model(tenant.admin(), "Yealink T54W"), "macAddress", TestData.uniqueMac("805EC0")))
                .json().get("id").asLong();
        String email = "browser-" + UUID.randomUUID() + "@example.test";
        assertThat(tenant.provider().post("/api/v1/customers/" + tenant.customerId() + "/admins",
                Map.of("email", email, "name", "Sophie Admin", "password", PASSWORD)).status()).isEqualTo(201);

        signIn(email);
        browser.findElement(By.cssSelector("a[lang='fr']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "fr"));
        assertThat(browser.findElement(By.id("getting-started")).getText()).contains("Premiers pas");
        assertThat(browser.findElement(By.id("start-site")).getAttribute("class")).contains("sb-done");
        assertThat(browser.findElement(By.id("start-devices")).getAttribute("class")).contains("sb-done");
        assertThat(browser.findElement(By.id("start-user")).getAttribute("class")).doesNotContain("sb-done");
        screenshot("dashboard-before");

        // From the Dashboard: an existing device.
        browser.findElement(By.id("dashboard-set-up-user")).click();
        waitFor("step-title");
        assertThat(browser.findElement(By.id("extension")).getAttribute("value")).isEqualTo("100");
        type("firstName", "Étienne");
        type("lastName", "Lachance");
        type("email", "etienne.lachance@example.test");
        new Select(browser.findElement(By.id("siteId"))).selectByVisibleText("Montréal");
        screenshot("wizard-1-person");
        next();
        Select numbers = new Select(browser.findElement(By.id("numberId")));
        assertThat(numbers.getOptions()).extracting(WebElement::getText).contains("(418) 555-0100", "(418) 555-0105");
        numbers.selectByVisibleText("(418) 555-0100");
        screenshot("wizard-2-number");
        next();
        // The trap: a phone chosen from the list without clicking its radio button is still the choice.
        // The pick-list searches as one types; ArrowDown selects the first match.
        String lastDigits = firstMac.substring(9);
        browser.findElement(By.id("deviceId-q")).sendKeys(lastDigits.toLowerCase());
        wait.until(d -> new Select(d.findElement(By.id("deviceId"))).getOptions().stream()
                .filter(o -> !o.getAttribute("value").isEmpty()).count() == 1);
        browser.findElement(By.id("deviceId-q")).sendKeys(Keys.ARROW_DOWN);
        assertThat(new Select(browser.findElement(By.id("deviceId"))).getFirstSelectedOption().getText())
                .contains(firstMac).contains("Réception");
        assertThat(browser.findElement(By.id("choice-existing")).isSelected()).isTrue();
        screenshot("wizard-3-device");
        next();
        assertThat(browser.findElement(By.id("review-number")).getText()).isEqualTo("(418) 555-0100");
        assertThat(browser.findElement(By.id("review-device")).getText()).contains(firstMac);
        screenshot("wizard-4-review");
        // Back keeps every choice.
        browser.findElement(By.id("wizard-back")).click();
        waitFor("deviceId");
        assertThat(browser.findElement(By.id("choice-existing")).isSelected()).isTrue();
        assertThat(new Select(browser.findElement(By.id("deviceId"))).getFirstSelectedOption().getText()).contains(firstMac);
        browser.findElement(By.id("wizard-back")).click();
        waitFor("numberId");
        assertThat(new Select(browser.findElement(By.id("numberId"))).getFirstSelectedOption().getText()).isEqualTo("(418) 555-0100");
        next();
        next();
        assertThat(browser.findElement(By.id("review-device")).getText()).contains(firstMac);
        browser.findElement(By.id("wizard-create")).click();
        waitFor("user-name");
        assertThat(browser.findElement(By.id("user-name")).getText()).isEqualTo("Étienne Lachance");
        assertThat(browser.findElement(By.id("user-numbers")).getText()).contains("(418) 555-0100");
        assertThat(browser.findElement(By.id("user-devices")).getText()).containsPattern("[0-9A-F]{2}(:[0-9A-F]{2}){5}");
        screenshot("user-page");

        // From the Users page: back keeps what was typed, a registered MAC shows on the device step, a new device.
        browser.findElement(By.id("nav-users")).click();
        browser.findElement(By.id("set-up-user")).click();
        waitFor("step-title");
        type("firstName", "Awa");
        type("lastName", "Diallo");
        type("email", "awa.diallo@example.test");
        new Select(browser.findElement(By.id("siteId"))).selectByVisibleText("Montréal");
        next();
        browser.findElement(By.id("wizard-back")).click();
        waitFor("firstName");
        assertThat(browser.findElement(By.id("firstName")).getAttribute("value")).isEqualTo("Awa");
        assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo("awa.diallo@example.test");
        next();
        new Select(browser.findElement(By.id("numberId"))).selectByVisibleText("(418) 555-0101");
        next();
        // The trap again: typing a new phone, without clicking "A new device", chooses it.
        new Select(browser.findElement(By.id("modelId"))).selectByVisibleText("Yealink T46U");
        type("macAddress", firstMac.toLowerCase());
        next();
        assertThat(browser.findElement(By.id("macAddress-error")).getText()).contains("déjà dans votre inventaire");
        assertThat(browser.findElement(By.id("choice-new")).isSelected()).isTrue();
        screenshot("wizard-3-device-error");
        String newMac = TestData.uniqueMac("805EC0");
        type("macAddress", newMac);
        next();
        assertThat(browser.findElement(By.id("review-device")).getText()).contains(newMac).contains("Nouveau");
        browser.findElement(By.id("wizard-create")).click();
        waitFor("user-name");
        assertThat(browser.findElement(By.id("user-numbers")).getText()).contains("(418) 555-0101");
        assertThat(browser.findElement(By.id("user-devices")).getText()).contains(newMac);

        // From the Numbers page: Assign user on an available number, to someone set up earlier.
        tenant.user(montreal, "Nathalie", "Bergeron", "300");
        browser.findElement(By.id("nav-numbers")).click();
        waitFor("numbers-table");
        screenshot("numbers");
        browser.findElement(By.cssSelector("#numbers-table .sb-assign")).click();
        waitFor("assign-number-form");
        String number = browser.findElement(By.id("assigned-number")).getText();
        assertThat(number).isEqualTo("(418) 555-0102");
        new Select(browser.findElement(By.id("userId"))).selectByVisibleText("Bergeron, Nathalie · 300");
        screenshot("number-assign-user");
        browser.findElement(By.id("assign-user-submit")).click();
        waitFor("numbers-table");
        assertThat(browser.findElement(By.id("numbers-table")).getText()).contains("Nathalie Bergeron");
        screenshot("numbers-after");

        // The Users page filters as one types, and the address keeps the search.
        browser.findElement(By.id("nav-users")).click();
        waitFor("users-table");
        assertThat(browser.findElements(By.cssSelector("#users-table tbody tr"))).hasSize(3);
        browser.findElement(By.id("q")).sendKeys("dial");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#users-table tbody tr"), 1));
        assertThat(browser.findElement(By.id("users-table")).getText()).contains("Diallo, Awa");
        assertThat(browser.getCurrentUrl()).contains("q=dial");
        browser.findElement(By.id("q")).clear();
        browser.findElement(By.id("q")).sendKeys(" ");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#users-table tbody tr"), 3));
        browser.findElement(By.id("sort-extension")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#users-table tbody tr"), "100"));
        screenshot("users");

        // The device's own page: assign it to a user of its site.
        browser.get("http://localhost:" + port + "/devices/" + conferencePhone);
        waitFor("device-user");
        new Select(browser.findElement(By.id("device-user"))).selectByVisibleText("Bergeron, Nathalie · 300");
        WebElement assign = browser.findElement(By.id("assign-device"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", assign);
        assign.click();
        waitFor("device-holder");
        assertThat(browser.findElement(By.id("device-holder")).getText()).isEqualTo("Nathalie Bergeron");
        screenshot("device-page");

        browser.findElement(By.id("nav-dashboard")).click();
        waitFor("dashboard-counts");
        assertThat(browser.findElement(By.id("count-users")).getText()).isEqualTo("3");
        assertThat(browser.findElement(By.id("count-numbers-assigned")).getText()).isEqualTo("3");
        assertThat(browser.findElement(By.id("count-numbers-available")).getText()).isEqualTo("3");
        assertThat(browser.findElements(By.id("getting-started"))).isEmpty();
        assertThat(browser.findElement(By.id("recent-activity")).getText()).contains("Numéro attribué");
        screenshot("dashboard");

        assertThat(jdbc.sql("""
                select count(*) from app_user u
                where u.customer_id = :c and exists (select 1 from phone_number n where n.assigned_user_id = u.id)
                  and exists (select 1 from device d where d.assigned_user_id = u.id and d.status = 'ASSIGNED')
                """).param("c", tenant.customerId()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void addsNumbersSendsALateRefusalBackToItsStepEditsAndDeletesAUser() throws IOException {
        TestTenant tenant = TestTenant.create(port, "FR");
        ApiClient.Response paris = tenant.admin().post(tenant.path("/sites"),
                Map.of("name", "Paris", "country", "FR", "timeZone", "Europe/Paris", "language", "fr"));
        long site = paris.json().get("id").asLong();
        String email = "browser-" + UUID.randomUUID() + "@example.test";
        tenant.provider().post("/api/v1/customers/" + tenant.customerId() + "/admins",
                Map.of("email", email, "name", "Camille Admin", "password", PASSWORD));
        signIn(email);
        browser.findElement(By.cssSelector("a[lang='fr']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "fr"));

        // Add numbers: a number of another country is refused next to its field, then a range is added.
        browser.findElement(By.id("nav-numbers")).click();
        browser.findElement(By.id("add-numbers")).click();
        type("from", "+1 514 555 0100");
        browser.findElement(By.id("save-numbers")).click();
        waitFor("from-error");
        assertThat(browser.findElement(By.id("from-error")).getText()).contains("n'est pas un numéro du pays du site");
        screenshot("numbers-add-error");
        type("from", "01 99 00 77 00");
        type("to", "09");
        browser.findElement(By.id("save-numbers")).click();
        waitFor("numbers-table");
        assertThat(browser.findElements(By.cssSelector("#numbers-table tbody tr"))).hasSize(10);
        assertThat(browser.findElement(By.id("numbers-table")).getText()).contains("01 99 00 77 00", "01 99 00 77 09");
        new Select(browser.findElement(By.id("status"))).selectByValue("ASSIGNED");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("numbers-empty")));
        assertThat(browser.getCurrentUrl()).contains("status=ASSIGNED");

        // The wizard: the number is taken by someone else before "Create"; the refusal shows on the number step.
        browser.get("http://localhost:" + port + "/users/setup/start");
        waitFor("step-title");
        type("firstName", "Manon");
        type("lastName", "Leroy");
        type("email", "manon.leroy@example.test");
        next();
        new Select(browser.findElement(By.id("numberId"))).selectByVisibleText("01 99 00 77 00");
        next();
        next();
        long other = tenant.user(site, "Jules", "Faure", "500");
        long taken = jdbc.sql("select id from phone_number where e164 = '+33199007700'").query(Long.class).single();
        tenant.admin().put(tenant.path("/numbers/" + taken + "/assignment"), Map.of("userId", other));
        browser.findElement(By.id("wizard-create")).click();
        waitFor("numberId-error");
        assertThat(browser.findElement(By.id("numberId-error")).getText()).contains("01 99 00 77 00").contains("déjà attribué");
        assertThat(jdbc.sql("select count(*) from app_user where email = 'manon.leroy@example.test'").query(Long.class).single())
                .isZero();
        new Select(browser.findElement(By.id("numberId"))).selectByVisibleText("01 99 00 77 01");
        next();
        next();
        browser.findElement(By.id("wizard-create")).click();
        waitFor("user-name");
        assertThat(browser.findElement(By.id("user-numbers")).getText()).contains("01 99 00 77 01");

        // Edit, then delete after a confirmation that says what is freed.
        browser.findElement(By.id("edit-user")).click();
        type("extension", "500");
        click("save-user");
        waitFor("extension-error");
        assertThat(browser.findElement(By.id("extension-error")).getText()).contains("500");
        type("extension", "555");
        click("save-user");
        waitFor("user-name");
        assertThat(browser.findElement(By.tagName("dl")).getText()).contains("555");
        browser.findElement(By.id("delete-user")).click();
        waitFor("delete-frees");
        assertThat(browser.findElement(By.id("delete-frees")).getText()).contains("1 numéro");
        screenshot("user-delete");
        browser.findElement(By.id("confirm-delete")).click();
        waitFor("users-table");
        assertThat(browser.findElement(By.id("users-table")).getText()).doesNotContain("Leroy");
        assertThat(jdbc.sql("select count(*) from phone_number where e164 = '+33199007701' and assigned_user_id is null")
                .query(Long.class).single()).isEqualTo(1);
    }

    private long site(TestTenant tenant, String name) {
        ApiClient.Response created = tenant.admin().post(tenant.path("/sites"),
                Map.of("name", name, "country", "CA", "timeZone", "America/Toronto", "language", "fr"));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private void signIn(String email) {
        browser.get("http://localhost:" + port + "/login");
        type("email", email);
        type("password", PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitFor("nav-dashboard");
    }

    /** Goes to the next step and waits for the new page: the old step's title must go first. */
    private void next() {
        WebElement title = browser.findElement(By.id("step-title"));
        WebElement next = browser.findElement(By.id("wizard-next"));
        // Bootstrap scrolls smoothly: bring the button into view at once, or the click lands mid-scroll.
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", next);
        next.click();
        // Chromedriver may say "does not belong to the document" instead of "stale" for a node of the page left.
        wait.until(d -> {
            try {
                title.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        waitFor("step-title");
    }

    /** Brings the button into view at once first: a longer error summary may push it under the fold. */
    private void click(String id) {
        WebElement button = browser.findElement(By.id(id));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        button.click();
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void waitFor(String id) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve("users-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
