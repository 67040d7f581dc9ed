package org.tipsearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian chromium driven through its chromedriver, as the browser tests use it: a fresh profile, a
 * download folder, the console log kept, screenshots written under {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("tipsearch.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("tipsearch.chromedriver", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;

    /** A browser window of the size, e.g. 1280×900 for a desktop, 390×844 for a phone. */
    public Browser(int width, int height) throws IOException {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: the browser tests need Debian's chromium and "
                        + "chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them)");
            }
        }
        profile = Files.createTempDirectory("tipsearch-chromium");
        downloads = Files.createTempDirectory("tipsearch-downloads");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking flags chromium keeps calling Google, which this network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-features=Translate,MediaRouter", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Goes to the page; {@link #consoleErrors} then tells the errors from here on. */
    public void open(String url) {
        consoleErrors();
        driver.get(url);
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /**
     * Waits until the condition holds (or a value other than null/false comes back), at most 20 seconds; an
     * element the page replaced while the condition read it counts as not yet.
     */
    public <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** The first element the selector finds once it is there and shown. */
    public WebElement shown(By by) {
        return await(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Writes a PNG of the window under target/screenshots/ and returns its path. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** The file the browser downloaded whose name ends with the suffix, once it is complete. */
    public Path downloaded(String suffix) {
        return await(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    /** Errors logged since the last call or {@link #open}: failed requests, script errors, refusals by the CSP. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            Folders.delete(profile);
            Folders.delete(downloads);
        }
    }
}
