package com.switchboard.device;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import com.switchboard.browser.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
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
 * An administrator in Chromium: finds a phone by the MAC on its sticker, filters by site, opens it,
 * relabels it, moves it, exports the list and removes the phone after the confirmation.
 */
@SwitchboardTest
class DeviceManagementBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;
    WebDriverWait wait;
    Browser chromium;

    @BeforeEach
    void startChromium() throws IOException {
        Browser.requireInstalled();
        chromium = Browser.start(port);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private List<String> listedMacs() {
        return browser.findElements(By.cssSelector("#devices-table tbody a.sb-mac")).stream().map(WebElement::getText).toList();
    }

    @Test
    void managesADeviceFromTheDevicesTab() throws Exception {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");
        String email = "browser-" + UUID.randomUUID() + "@example.test";
        String password = "browser-password-1";
        assertThat(provider.post("/api/v1/customers/" + customer + "/admins",
                Map.of("email", email, "name", "Browser Admin", "password", password)).status()).isEqualTo(201);
        ApiClient admin = ApiClient.signIn(port, email, password);
        long montreal = TestData.site(admin, customer, "Montréal", "CA", "America/Toronto");
        long toronto = TestData.site(admin, customer, "Toronto", "CA", "America/Toronto");
        long model = TestData.model(admin, "Yealink T46U");
        String target = TestData.uniqueMac("805EC0");
        String devices = "/api/v1/customers/" + customer + "/devices";
        long targetId = admin.post(devices, Map.of("siteId", montreal, "modelId", model, "macAddress", target,
                "label", "Reception")).json().get("id").asLong();
        for (int i = 0; i < 3; i++) {
            admin.post(devices, Map.of("siteId", i == 0 ? montreal : toronto, "modelId", model,
                    "macAddress", TestData.uniqueMac("805EC0"), "label", "Desk " + i));
        }

        browser.get(url("/login"));
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        browser.get(url("/devices"));
        assertThat(listedMacs()).hasSize(4);
        // Typed as printed on the sticker, dashes and all; the list follows as one types.
        browser.findElement(By.id("q")).sendKeys(target.replace(':', '-'));
        wait.until(d -> listedMacs().equals(List.of(target)));
        assertThat(browser.getCurrentUrl()).contains("q=");
        browser.findElement(By.id("q")).clear();
        browser.findElement(By.id("q")).sendKeys(target.substring(0, 8));
        wait.until(d -> listedMacs().size() == 4);
        new Select(browser.findElement(By.id("siteId"))).selectByValue(Long.toString(montreal));
        wait.until(d -> listedMacs().size() == 2);
        assertThat(listedMacs()).contains(target);
        String filtered = browser.getCurrentUrl();
        assertThat(filtered).contains("siteId=" + montreal);
        screenshot("device-list-filtered.png");

        // The address keeps the search: reloaded, it shows the same list.
        browser.get(filtered);
        assertThat(listedMacs()).hasSize(2).contains(target);
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo(target.substring(0, 8));

        // A search that finds nothing says so, and is not mistaken for an empty inventory.
        browser.findElement(By.id("q")).sendKeys("no-such-label");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("devices-no-match")));
        assertThat(browser.findElements(By.id("devices-empty"))).isEmpty();
        browser.get(filtered);

        // The export of what is on the screen.
        String export = browser.findElement(By.id("export-devices")).getAttribute("href");
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(export))
                .header("Cookie", browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                        .collect(Collectors.joining("; "))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).contains(target).contains("Reception").doesNotContain("Desk 1");

        browser.findElement(By.linkText(target)).click();
        wait.until(ExpectedConditions.textToBe(By.id("device-label"), "Reception"));

        browser.findElement(By.id("edit-device")).click();
        WebElement label = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("label")));
        label.clear();
        label.sendKeys("Room 204");
        browser.findElement(By.id("save-device")).click();
        wait.until(ExpectedConditions.textToBe(By.id("device-label"), "Room 204"));

        browser.findElement(By.id("edit-device")).click();
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("siteId")))).selectByValue(Long.toString(toronto));
        browser.findElement(By.id("save-device")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("device-site"), "Toronto"));
        assertThat(browser.findElements(By.cssSelector("#device-history li"))).hasSize(3);
        assertThat(browser.findElement(By.id("device-history")).getText())
                .contains("Moved to another site").contains("Label changed").contains("Device added").contains(email);
        screenshot("device-page.png");

        browser.findElement(By.id("delete-device")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-remove")));
        assertThat(browser.findElement(By.id("remove-list")).getText()).contains(target).contains("Room 204");
        screenshot("device-remove-confirm.png");
        assertThat(count(targetId)).isEqualTo(1);
        browser.findElement(By.id("confirm-remove")).click();
        wait.until(ExpectedConditions.urlMatches(".*/devices$"));
        assertThat(count(targetId)).isZero();
        assertThat(listedMacs()).hasSize(3).doesNotContain(target);

        // Sorting by a column header, then the other way round.
        browser.findElement(By.id("sort-label")).click();
        wait.until(d -> d.getCurrentUrl().contains("sort=label") && labels().equals(List.of("Desk 0", "Desk 1", "Desk 2")));
        browser.findElement(By.id("sort-label")).click();
        wait.until(d -> d.getCurrentUrl().contains("sort=-label") && labels().equals(List.of("Desk 2", "Desk 1", "Desk 0")));

        // Two of them at once: ticked, named on the confirmation, removed.
        List<WebElement> boxes = browser.findElements(By.cssSelector("#devices-table tbody input[name=ids]"));
        boxes.get(0).click();
        boxes.get(1).click();
        browser.findElement(By.id("remove-selected")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-remove")));
        assertThat(browser.findElements(By.cssSelector("#remove-list li"))).hasSize(2);
        assertThat(browser.findElement(By.id("remove-list")).getText()).contains("Desk 2").contains("Desk 1");
        browser.findElement(By.id("confirm-remove")).click();
        wait.until(ExpectedConditions.urlMatches(".*/devices$"));
        assertThat(labels()).containsExactly("Desk 0");

        // The customer's audit log, narrowed to devices, in French.
        browser.get(url("/audit?lang=fr"));
        new Select(browser.findElement(By.id("objectType"))).selectByValue("device");
        // The unfiltered log already holds the device's events: wait for the filtered one, without the sites.
        wait.until(d -> d.getCurrentUrl().contains("objectType=device")
                && !d.findElement(By.id("audit-table")).getText().contains("Site ajouté"));
        assertThat(browser.findElement(By.id("audit-table")).getText()).contains("Appareil supprimé")
                .contains("Déplacé vers un autre site").contains(target);
        screenshot("audit-log.png");
    }

    private List<String> labels() {
        return browser.findElements(By.cssSelector("#devices-table tbody tr td:nth-child(5)")).stream()
                .map(WebElement::getText).toList();
    }

    private long count(long id) {
        return jdbc.sql("select count(*) from device where id = :id").param("id", id).query(Long.class).single();
    }

}
