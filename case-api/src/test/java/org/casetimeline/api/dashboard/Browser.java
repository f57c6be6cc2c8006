package org.casetimeline.api.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its own chromedriver (never a downloaded browser), on a fresh profile,
 * with the page's vocabulary: sign in, open, read, screenshot.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String base;

    Browser(String base, Path profile) {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,1600", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    void signIn(String name, String password) {
        open("/login");
        type(By.id("username"), name);
        type(By.id("password"), password);
        clickAndWait(By.id("sign-in"));
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    java.util.List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    void type(By by, String text) {
        WebElement input = driver.findElement(by);
        input.clear();
        input.sendKeys(text);
    }

    /** A date input takes keys in the browser's locale; its value is always ISO, so set that. */
    void setDate(By by, String isoDate) {
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].value = arguments[1];", driver.findElement(by), isoDate);
    }

    /** Clicks something that loads a page, and waits until the old page is gone so reads see the new one. */
    void clickAndWait(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> gone(page));
    }

    /**
     * Whether the element has left the document. Selenium says so with a stale element; Chrome, asked in the middle of
     * a navigation, sometimes answers instead that the node "does not belong to the document", which
     * ExpectedConditions.stalenessOf let through as a failure.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String source() {
        return driver.getPageSource();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
