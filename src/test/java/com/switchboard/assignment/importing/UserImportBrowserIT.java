package com.switchboard.assignment.importing;

import java.io.IOException;
import java.nio.charset.Charset;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator working in French sets up 300 people from a French Excel file (";", Windows-1252, CRLF) through
 * the pages, in real Chromium, then sees every error of a bad file at once; screenshots go to target/screenshots.
 */
@SwitchboardTest
class UserImportBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;
    Browser chromium;
    UserImportFixture fixture;

    @BeforeEach
    void startBrowser() throws IOException {
        Browser.requireInstalled();
        chromium = Browser.start(port);
        browser = chromium.driver();
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
        fixture = UserImportFixture.create(port);
        browser.get(url("/login?lang=fr"));
        browser.findElement(By.name("email")).sendKeys(fixture.email);
        browser.findElement(By.name("password")).sendKeys(UserImportFixture.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("nav-devices")));
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void setsUpThreeHundredPeopleFromAFrenchExcelFileThenListsEveryErrorOfABadOne() throws Exception {
        List<String> numbers = fixture.numbers(fixture.montreal, 300);
        browser.get(url("/users?lang=fr"));
        browser.findElement(By.id("import-users")).click();
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("user-import-helpers")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Importer des utilisateurs");
        assertThat(browser.findElements(By.cssSelector("#user-import-helpers .fw-semibold"))).extracting(WebElement::getText)
                .containsExactly("Modèle CSV", "Liste des sites (CSV)", "Numéros et téléphones libres (CSV)", "Mode d'emploi");
        screenshot("user-import-upload-fr.png");

        // 300 people, each with a number written as in Québec, half of them with a new phone.
        StringBuilder file = new StringBuilder("Prénom;Nom;Courriel;Site;Poste;Langue;Numéro de téléphone;"
                + "Adresse MAC du téléphone;Modèle du téléphone;Libellé du téléphone\r\n");
        for (int i = 0; i < 300; i++) {
            String n = numbers.get(i);
            String national = "(514) " + n.substring(5, 8) + "-" + n.substring(8);
            boolean phone = i % 2 == 0;
            file.append("Hélène").append(i).append(";Bélanger;helene").append(i).append("@example.com;Montréal;")
                    .append(3000 + i).append(";fr;").append(national).append(';')
                    .append(phone ? TestData.uniqueMac("805EC0") : "").append(';').append(phone ? "Yealink T54W" : "")
                    .append(';').append(phone ? "Bureau " + i : "").append("\r\n");
        }
        Path good = Files.createTempFile("utilisateurs", ".csv");
        Files.write(good, file.toString().getBytes(WINDOWS_1252));
        browser.findElement(By.id("import-file")).sendKeys(good.toAbsolutePath().toString());
        browser.findElement(By.id("import-submit")).click();
        waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("import-status")));
        if (!browser.findElements(By.id("import-progress")).isEmpty()) {
            screenshot("user-import-progress-fr.png");
        }
        WebElement toast = waitUpTo(120).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#toasts .toast .toast-body")));
        assertThat(toast.getText()).contains("300 utilisateurs configurés");
        assertThat(browser.findElement(By.id("import-completed")).getText()).startsWith("300 utilisateurs configurés, aucun inchangé");
        screenshot("user-import-completed-fr.png");
        assertThat(jdbc.sql("select count(*) from app_user where customer_id = :c and first_name like 'Hélène%'")
                .param("c", fixture.customer).query(Long.class).single()).isEqualTo(300);
        assertThat(jdbc.sql("select count(*) from device where customer_id = :c and status = 'ASSIGNED'")
                .param("c", fixture.customer).query(Long.class).single()).isEqualTo(150);
        browser.findElement(By.id("import-users")).click();
        waitUpTo(20).until(ExpectedConditions.urlContains("/users"));

        // A bad file: every error at once, in French, and nothing set up.
        Path bad = Files.createTempFile("utilisateurs-erreurs", ".csv");
        Files.write(bad, ("Prénom;Nom;Courriel;Site;Poste;Numéro de téléphone\r\n"
                + "Jean;Roy;jean@example.com;Atlantide;4001;\r\n"
                + "Luc;Roy;helene0@example.com;Montréal;4002;" + numbers.get(0).substring(2) + "\r\n").getBytes(WINDOWS_1252));
        browser.get(url("/users/imports/new"));
        browser.findElement(By.id("import-file")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.id("import-submit")).click();
        WebElement errors = waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("import-errors")));
        // Each row's words, however the narrow cells wrap them.
        List<String> lines = errors.findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> row.getText().replaceAll("\\s+", " ")).toList();
        String taken = numbers.get(0).substring(2);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("2 Site Atlantide Aucun site ne s'appelle").contains("Atlantide");
        assertThat(lines.get(1)).startsWith("3 Courriel helene0@example.com L'adresse courriel helene0@example.com est déjà utilisée");
        assertThat(lines.get(2)).isEqualTo("3 Numéro de téléphone " + taken + " Le numéro " + taken
                + " est déjà attribué à quelqu'un d'autre.");
        assertThat(browser.findElement(By.id("import-rejected")).getText()).startsWith("3 erreurs");
        screenshot("user-import-errors-fr.png");
        assertThat(jdbc.sql("select count(*) from app_user where customer_id = :c").param("c", fixture.customer)
                .query(Long.class).single()).isEqualTo(300);

        browser.get(url("/users/imports/instructions"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Comment importer des utilisateurs");
        screenshot("user-import-instructions-fr.png");
    }

    private WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
