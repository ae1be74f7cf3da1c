package com.switchboard.device;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import com.switchboard.browser.BrowserTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator in Chromium: finds a phone by the MAC on its sticker, filters by site, opens it,
 * relabels it, moves it, exports the list and removes the phone after the confirmation.
 */
@SwitchboardTest
class DeviceManagementBrowserIT extends BrowserTestSupport {

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void useTheBrowser() {
        driver = browser.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private List<String> listedMacs() {
        return driver.findElements(By.cssSelector("#devices-table tbody a.sb-mac")).stream().map(WebElement::getText).toList();
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

        driver.get(url("/login"));
        driver.findElement(By.name("email")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        driver.get(url("/devices"));
        assertThat(listedMacs()).hasSize(4);
        // Typed as printed on the sticker, dashes and all; the list follows as one types.
        driver.findElement(By.id("q")).sendKeys(target.replace(':', '-'));
        wait.until(d -> listedMacs().equals(List.of(target)));
        assertThat(driver.getCurrentUrl()).contains("q=");
        driver.findElement(By.id("q")).clear();
        driver.findElement(By.id("q")).sendKeys(target.substring(0, 8));
        wait.until(d -> listedMacs().size() == 4);
        new Select(driver.findElement(By.id("siteId"))).selectByValue(Long.toString(montreal));
        wait.until(d -> listedMacs().size() == 2);
        assertThat(listedMacs()).contains(target);
        String filtered = driver.getCurrentUrl();
        assertThat(filtered).contains("siteId=" + montreal);
        browser.screenshot("device-list-filtered");

        // The address keeps the search: reloaded, it shows the same list.
        driver.get(filtered);
        assertThat(listedMacs()).hasSize(2).contains(target);
        assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo(target.substring(0, 8));

        // A search that finds nothing says so, and is not mistaken for an empty inventory.
        driver.findElement(By.id("q")).sendKeys("no-such-label");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("devices-no-match")));
        assertThat(driver.findElements(By.id("devices-empty"))).isEmpty();
        driver.get(filtered);

        // The export of what is on the screen.
        String export = driver.findElement(By.id("export-devices")).getAttribute("href");
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(export))
                .header("Cookie", driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                        .collect(Collectors.joining("; "))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).contains(target).contains("Reception").doesNotContain("Desk 1");

        driver.findElement(By.linkText(target)).click();
        wait.until(ExpectedConditions.textToBe(By.id("device-label"), "Reception"));

        driver.findElement(By.id("edit-device")).click();
        WebElement label = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("label")));
        label.clear();
        label.sendKeys("Room 204");
        driver.findElement(By.id("save-device")).click();
        wait.until(ExpectedConditions.textToBe(By.id("device-label"), "Room 204"));

        driver.findElement(By.id("edit-device")).click();
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("siteId")))).selectByValue(Long.toString(toronto));
        driver.findElement(By.id("save-device")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("device-site"), "Toronto"));
        assertThat(driver.findElements(By.cssSelector("#device-history li"))).hasSize(3);
        assertThat(driver.findElement(By.id("device-history")).getText())
                .contains("Moved to another site").contains("Label changed").contains("Device added").contains(email);
        browser.screenshot("device-page");

        driver.findElement(By.id("delete-device")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-remove")));
        assertThat(driver.findElement(By.id("remove-list")).getText()).contains(target).contains("Room 204");
        browser.screenshot("device-remove-confirm");
        assertThat(count(targetId)).isEqualTo(1);
        driver.findElement(By.id("confirm-remove")).click();
        wait.until(ExpectedConditions.urlMatches(".*/devices$"));
        assertThat(count(targetId)).isZero();
        assertThat(listedMacs()).hasSize(3).doesNotContain(target);

        // Sorting by a column header, then the other way round.
        driver.findElement(By.id("sort-label")).click();
        wait.until(d -> d.getCurrentUrl().contains("sort=label") && labels().equals(List.of("Desk 0", "Desk 1", "Desk 2")));
        driver.findElement(By.id("sort-label")).click();
        wait.until(d -> d.getCurrentUrl().contains("sort=-label") && labels().equals(List.of("Desk 2", "Desk 1", "Desk 0")));

        // Two of them at once: ticked, named on the confirmation, removed.
        List<WebElement> boxes = driver.findElements(By.cssSelector("#devices-table tbody input[name=ids]"));
        boxes.get(0).click();
        boxes.get(1).click();
        driver.findElement(By.id("remove-selected")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-remove")));
        assertThat(driver.findElements(By.cssSelector("#remove-list li"))).hasSize(2);
        assertThat(driver.findElement(By.id("remove-list")).getText()).contains("Desk 2").contains("Desk 1");
        driver.findElement(By.id("confirm-remove")).click();
        wait.until(ExpectedConditions.urlMatches(".*/devices$"));
        assertThat(labels()).containsExactly("Desk 0");

        // The customer's audit log, narrowed to devices, in French.
        driver.get(url("/audit?lang=fr"));
        new Select(driver.findElement(By.id("objectType"))).selectByValue("device");
        // The unfiltered log already holds the device's events: wait for the filtered one, without the sites.
        wait.until(d -> d.getCurrentUrl().contains("objectType=device")
                && !d.findElement(By.id("audit-table")).getText().contains("Site ajouté"));
        assertThat(driver.findElement(By.id("audit-table")).getText()).contains("Appareil supprimé")
                .contains("Déplacé vers un autre site").contains(target);
        browser.screenshot("audit-log");
    }

    private List<String> labels() {
        return driver.findElements(By.cssSelector("#devices-table tbody tr td:nth-child(5)")).stream()
                .map(WebElement::getText).toList();
    }

    private long count(long id) {
        return jdbc.sql("select count(*) from device where id = :id").param("id", id).query(Long.class).single();
    }

}
