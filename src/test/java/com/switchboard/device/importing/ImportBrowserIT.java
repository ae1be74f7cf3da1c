package com.switchboard.device.importing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import com.switchboard.browser.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A person imports devices through the pages, in real Chromium; screenshots go to target/screenshots. */
@SwitchboardTest
class ImportBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    WebDriver browser;
    Browser chromium;
    ImportFixture fixture;

    @BeforeEach
    void startBrowser() throws IOException {
        Browser.requireInstalled();
        chromium = Browser.start(port);
        browser = chromium.driver();
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
        fixture = ImportFixture.create(port);
        signIn();
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private void signIn() {
        browser.get(url("/login"));
        browser.findElement(By.name("email")).sendKeys(fixture.email);
        browser.findElement(By.name("password")).sendKeys(ImportFixture.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("nav-devices")));
    }

    @Test
    void importsAGoodFileWithProgressAndNotificationThenShowsTheErrorsOfABadOne() throws Exception {
        browser.get(url("/devices"));
        browser.findElement(By.id("import-menu")).click();
        waitUpTo(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("import-upload")));
        assertThat(browser.findElement(By.id("import-template")).getText()).isEqualTo("CSV template");
        screenshot("import-menu.png");

        // A good file, big enough for the progress bar to be seen.
        Path good = Files.createTempFile("devices", ".csv");
        Files.writeString(good, ImportFixture.HEADER + ImportFixture.validRows(40_000), StandardCharsets.UTF_8);
        browser.findElement(By.id("import-upload")).click();
        browser.findElement(By.id("import-file")).sendKeys(good.toAbsolutePath().toString());
        browser.findElement(By.id("import-submit")).click();
        waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("import-status")));
        boolean progressSeen = !browser.findElements(By.id("import-progress")).isEmpty();
        // The bar fills as the page polls; take its picture once it shows something, if the job is not already done.
        waitUpTo(60).until(b -> b.findElements(By.id("import-progress")).isEmpty()
                || !b.findElements(By.cssSelector("#import-bar[aria-valuenow]:not([aria-valuenow='0'])")).isEmpty());
        if (!browser.findElements(By.id("import-progress")).isEmpty()) {
            screenshot("import-progress.png");
        }
        assertThat(progressSeen).as("the progress bar while the file is checked and imported").isTrue();

        // The page updates itself (htmx polling) and the notification tells the devices are in.
        WebElement toast = waitUpTo(90).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#toasts .toast .toast-body")));
        assertThat(toast.getText()).contains("40,000 devices added");
        assertThat(browser.findElement(By.id("import-completed")).getText()).startsWith("40,000 devices added, 0 unchanged");
        screenshot("import-completed.png");
        browser.findElement(By.id("import-devices")).click();
        // The list counts exactly up to 10,000 devices, then says there are more (it stays fast on big inventories).
        assertThat(waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("device-count")))
                .getText()).isEqualTo("More than 10,000 devices");

        // A bad file: every error on the page, and the results file to download.
        Path bad = Files.createTempFile("devices-bad", ".csv");
        Files.writeString(bad, ImportFixture.HEADER + ImportFixture.validRows(3)
                + "Atlantis,Yealink T46U,80:5E:C0:00:00:0Z,Reception\n"
                + "Montréal,Snom D717,01:5E:C0:00:00:01,\n", StandardCharsets.UTF_8);
        browser.get(url("/devices/imports/new"));
        browser.findElement(By.id("import-file")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.id("import-submit")).click();
        WebElement errors = waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("import-errors")));
        List<WebElement> rows = errors.findElements(By.cssSelector("tbody tr"));
        // A row's cells may wrap onto lines of their own: compare the words, not the layout.
        assertThat(rows).extracting(row -> row.getText().replaceAll("\\s+", " ")).containsExactly(
                "5 Site Atlantis There is no site named \"Atlantis\". Use a name of the site list.",
                "5 MAC address 80:5E:C0:00:00:0Z Not a MAC address: use 12 hexadecimal digits, as AA:BB:CC:DD:EE:FF, "
                        + "AA-BB-CC-DD-EE-FF, AA BB CC DD EE FF, AABB.CCDD.EEFF or AABBCCDDEEFF.",
                "6 Device model Snom D717 The model Snom D717 is not available at the site Montréal. See the supported-device list.",
                "6 MAC address 01:5E:C0:00:00:01 This is a multicast address (the first byte is odd); a phone's own address never is. "
                        + "Check for a typo.");
        assertThat(browser.findElement(By.id("import-rejected")).getText()).startsWith("4 errors");
        screenshot("import-errors.png");

        String href = browser.findElement(By.id("import-results")).getAttribute("href");
        Cookie session = browser.manage().getCookieNamed("SESSION");
        HttpResponse<String> results = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "SESSION=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(results.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(results.body()).contains("Atlantis,Yealink T46U,80:5E:C0:00:00:0Z,Reception,");

        browser.get(url("/devices/imports"));
        assertThat(browser.findElements(By.cssSelector("#imports-table tbody tr"))).hasSize(2);
        screenshot("import-history.png");
    }

    @Test
    void addAndUpdateMovesAndRelabelsAndSaysHowManyWereUpdated() throws IOException {
        String desk = TestData.uniqueMac("805EC0");
        String lobby = TestData.uniqueMac("805EC0");
        fixture.importFile(ImportFixture.HEADER + "Montréal,Yealink T46U," + desk + ",Desk\nMontréal,Yealink T46U," + lobby + ",Lobby\n");
        Path file = Files.createTempFile("devices-update", ".csv");
        Files.writeString(file, ImportFixture.HEADER + "Toronto,Yealink T46U," + desk + ",Front desk\n"
                + "Montréal,Yealink T46U," + lobby + ",Lobby\n" + ImportFixture.validRows(1), StandardCharsets.UTF_8);
        browser.get(url("/devices/imports/new"));
        browser.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("update-existing")).click();
        screenshot("import-add-and-update.png");
        browser.findElement(By.id("import-submit")).click();
        WebElement done = waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("import-completed")));
        assertThat(done.getText()).isEqualTo("1 device added, 1 unchanged, 1 updated.");
        screenshot("import-updated.png");

        browser.get(browser.getCurrentUrl() + "?lang=fr");
        assertThat(browser.findElement(By.id("import-completed")).getText())
                .isEqualTo("1 appareil ajouté, 1 inchangé, 1 mis à jour.");
        screenshot("import-updated-fr.png");
        browser.get(url("/devices?lang=en"));
    }

    @Test
    void showsAFileLevelProblemOnTheUploadForm() throws IOException {
        Path workbook = Files.createTempFile("devices", ".csv");
        Files.write(workbook, new byte[]{'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0});
        browser.get(url("/devices/imports/new"));
        browser.findElement(By.id("import-file")).sendKeys(workbook.toAbsolutePath().toString());
        browser.findElement(By.id("import-submit")).click();
        WebElement error = waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("import-file-error")));
        assertThat(error.getText()).startsWith("This is an Excel or spreadsheet workbook renamed .csv");
        screenshot("import-upload-error.png");

        browser.get(url("/devices/imports/instructions?lang=fr"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Comment importer des appareils");
        assertThat(browser.findElement(By.id("import-example")).getText())
                .startsWith("Site;Modèle d'appareil;Adresse MAC;Libellé");
        screenshot("import-instructions-fr.png");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds), Duration.ofMillis(50));
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
