package com.switchboard.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium driven through the Debian chromedriver, pointed at the application under
 * test. Waits are explicit: every helper waits for what the page should show, never for a time.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final Path profile;
    private final String base;

    private Browser(WebDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
        // htmx swaps replace elements while a wait looks at them: look again rather than fail.
        this.wait = (WebDriverWait) new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class);
    }

    /**
     * Without Chromium or chromedriver a browser test is skipped on a workstation, but fails under CI=true,
     * where a skipped browser test would hide a broken setup.
     */
    public static void requireInstalled() {
        String missing = !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER.toString()
                : !Files.isExecutable(CHROMIUM) ? CHROMIUM.toString() : null;
        if (missing != null) {
            String message = missing + " is not installed: install the Debian packages chromium and chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail(message);
            }
            org.junit.jupiter.api.Assumptions.abort(message + " (browser tests skipped; they fail when CI=true)");
        }
    }

    /** Starts Chromium against http://localhost:port. The caller checks first that both binaries exist. */
    public static Browser start(int port) {
        // Point Selenium at the installed driver so that Selenium Manager never downloads one.
        if (System.getProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY) == null) {
            System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("switchboard-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000", "--lang=en", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile, "http://localhost:" + port);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application and waits for the page to have loaded. */
    public Browser open(String path) {
        driver.get(base + path);
        waitForPageLoad();
        return this;
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Signs in through the form at /login and waits for the signed-in layout. */
    public Browser signIn(String email, String password) {
        open("/login");
        type(By.id("email"), email);
        type(By.id("password"), password);
        clickAndWaitForNewPage(By.cssSelector("#login-form button[type=submit]"));
        waitFor(By.id("account-menu"));
        return this;
    }

    public WebElement waitFor(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public WebElement waitForPresent(By locator) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    public void waitForText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /** Waits for any condition, written as a lambda over the driver. */
    public <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    public WebElement find(By locator) {
        return driver.findElement(locator);
    }

    public List<WebElement> findAll(By locator) {
        return driver.findElements(locator);
    }

    public String text(By locator) {
        return waitFor(locator).getText();
    }

    public Browser type(By locator, String text) {
        WebElement field = waitFor(locator);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Select select(By locator) {
        return new Select(waitFor(locator));
    }

    /** The visible texts of a select's options. */
    public List<String> options(By locator) {
        return select(locator).getOptions().stream().map(WebElement::getText).toList();
    }

    /** Clicks something that loads a new page (link, submit button) and waits until the new page has loaded. */
    public Browser clickAndWaitForNewPage(By locator) {
        WebElement element = inView(waitFor(locator));
        WebElement html = driver.findElement(By.tagName("html"));
        element.click();
        wait.until(d -> pageLeft(html));
        waitForPageLoad();
        return this;
    }

    /**
     * Whether the page that held {@code html} is gone. While it navigates, Chromium may answer that the
     * node "does not belong to the document" instead of calling it stale: that also means the old page is gone.
     */
    private static boolean pageLeft(WebElement html) {
        try {
            html.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * As a provider admin, chooses the customer to act in with the top-bar switcher and waits for
     * the page it leads to.
     */
    public Browser switchCustomer(long customerId) {
        By switcher = By.id("switch-customer");
        String value = Long.toString(customerId);
        if (!value.equals(select(switcher).getFirstSelectedOption().getDomAttribute("value"))) {
            markDocument();
            select(switcher).selectByValue(value);
            wait.until(d -> !stillSameDocument());
            waitForPageLoad();
        }
        return this;
    }

    /** The customer chosen in the top-bar switcher, or an empty string. */
    public String switchedCustomer() {
        return select(By.id("switch-customer")).getFirstSelectedOption().getDomAttribute("value");
    }

    /** The text of the toast on show, once it has finished fading in. */
    public String toast() {
        return waitFor(By.cssSelector("#toasts .toast.show:not(.showing) .toast-body")).getText();
    }

    /** Clicks a button guarded by a confirmation dialog, accepts it and waits for the new page. */
    public Browser clickConfirmAndWaitForNewPage(By locator) {
        WebElement html = driver.findElement(By.tagName("html"));
        inView(waitFor(locator)).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(d -> pageLeft(html));
        waitForPageLoad();
        return this;
    }

    /**
     * Brings an element to the middle of the window at once: Bootstrap scrolls smoothly, and a button near
     * the bottom edge (a form made longer by its error summary) would take the click mid-scroll or under the toasts.
     */
    public WebElement inView(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        return element;
    }

    /** Marks the current document; {@link #stillSameDocument()} then tells whether the page was reloaded since. */
    public void markDocument() {
        ((JavascriptExecutor) driver).executeScript("window.__switchboardMark = true;");
    }

    public boolean stillSameDocument() {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return window.__switchboardMark === true;"));
    }

    /** Waits until htmx has no request in flight. */
    public void waitForHtmx() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.querySelector('.htmx-request') === null;")));
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Path taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(taken, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void waitForPageLoad() {
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile does no harm.
        }
    }
}
