package dev.firebreak.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven by Selenium. Never downloads a browser: a missing chromium or
 * chromedriver skips the test, or fails it where .ci/run requires every service.
 */
public final class Browser {
    static final Path CHROMIUM = Path.of(System.getProperty("firebreak.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("firebreak.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {}

    public static WebDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            TestDatabase.Services.missing("chromium (" + CHROMIUM + ") and chromedriver (" + DRIVER + ")");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /**
     * Clicks something that loads a new page and waits until the old page is gone: an element found
     * on the old page right after the click goes stale once the browser navigates (seen on loaded CI).
     */
    public static void clickAndWait(WebDriver driver, By target) {
        WebElement page = driver.findElement(By.tagName("html"));
        WebElement element = driver.findElement(target);
        // In the middle of the view: the sticky top bar would take a click on an element under it.
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
    }

    /** Logs in through the login form at {@code loginPage} and waits until the browser has left it. */
    public static void logIn(WebDriver driver, java.net.URI loginPage, String username, String password) {
        driver.get(loginPage.toString());
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        clickAndWait(driver, By.cssSelector("button[type=submit]"));
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    public static Path screenshot(WebDriver driver, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve(name + ".png");
            Path shot =
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void phone(WebDriver driver) {
        driver.manage().window().setSize(new Dimension(390, 844));
    }
}
