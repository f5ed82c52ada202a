package uk.gov.council.commissioning.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for a browser journey, driven through the system's chromedriver; registered as
 * a static extension ({@code @RegisterExtension static final Browser BROWSER = new Browser()}).
 *
 * <p>Chromium and chromedriver are the Debian packages {@code chromium} and {@code chromium-driver}
 * ({@code .ci/run} installs them); a machine without them fails the journey, saying so, rather than
 * skipping it. The driver is named explicitly so that Selenium never looks for one on the network.
 * When a test fails, a screenshot and the page's source are kept under {@code
 * target/browser-screenshots/}.
 */
public final class Browser implements TestWatcher, AfterAllCallback {

  /** The binaries, overridable for a machine that keeps them elsewhere. */
  static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));

  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  /** Long enough for the web apps' first page of a run on a busy build machine. */
  private static final Duration WAIT = Duration.ofSeconds(90);

  private WebDriver driver;
  private Path profile;

  /** The browser, started on first use and kept for the class. */
  public WebDriver driver() {
    if (driver == null) {
      driver = start();
    }
    return driver;
  }

  private WebDriver start() {
    for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      assertThat(Files.isExecutable(binary))
          .as(
              "%s is needed for the browser journey: install the Debian packages chromium and"
                  + " chromium-driver (.ci/run does)",
              binary)
          .isTrue();
    }
    // Selenium Manager is asked only when no driver is named; say it twice to be sure it never is.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    System.setProperty("SE_OFFLINE", "true");
    try {
      profile = Files.createTempDirectory("chromium-profile");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // A new empty profile and no background traffic: the build machine may have no network, and
    // Chromium's own update, sync and component checks would otherwise keep trying to reach it.
    // No sandbox: CI runs as root, where Chromium's sandbox cannot start.
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            // The forms' dates and times are typed as local ones: make local UTC everywhere.
            .withEnvironment(Map.of("TZ", "UTC"))
            .build();
    ChromeDriver started = new ChromeDriver(service, options);
    started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return started;
  }

  /** Waits for the element to be visible; returns it. */
  public WebElement visible(By locator) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /**
   * Waits for the element to be clickable, then clicks it in the middle of the window (Tasklist's
   * footer covers the bottom of the page).
   */
  public void click(By locator) {
    WebElement element = waiting().until(ExpectedConditions.elementToBeClickable(locator));
    ((JavascriptExecutor) driver())
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  /** Waits for the page to show the text somewhere. */
  public void waitForText(String text) {
    waiting()
        .withMessage(() -> "the page to show \"" + text + "\"")
        .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
  }

  public WebDriverWait waiting() {
    return waiting(WAIT);
  }

  public WebDriverWait waiting(Duration timeout) {
    return new WebDriverWait(driver(), timeout);
  }

  /**
   * Asserts that no script put up an alert, which is what a {@code <script>} shown as HTML does.
   */
  public void assertNoAlert(String where) {
    try {
      String text = driver().switchTo().alert().getText();
      throw new AssertionError(where + ": a script ran and opened an alert: " + text);
    } catch (NoAlertPresentException expected) {
      // The script was shown as text.
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (driver == null) {
      return;
    }
    String name =
        context.getRequiredTestClass().getSimpleName()
            + "-"
            + context.getRequiredTestMethod().getName();
    try {
      Files.createDirectories(SCREENSHOTS);
      // An open alert blocks every other command: note it and close it so the page can be kept.
      alertText()
          .ifPresent(
              text ->
                  write(SCREENSHOTS.resolve(name + "-alert.txt"), "An alert was open: " + text));
      Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(
          shot,
          SCREENSHOTS.resolve(name + ".png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      write(
          SCREENSHOTS.resolve(name + ".html"),
          "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource());
      // Last: not every driver keeps the browser's console.
      write(
          SCREENSHOTS.resolve(name + "-console.txt"),
          driver.manage().logs().get(LogType.BROWSER).getAll().stream()
              .map(entry -> entry.getLevel() + " " + entry.getMessage())
              .collect(java.util.stream.Collectors.joining("\n")));
    } catch (IOException | RuntimeException e) {
      // Keeping the evidence must not hide the failure itself.
      cause.addSuppressed(e);
    }
  }

  private Optional<String> alertText() {
    try {
      var alert = driver.switchTo().alert();
      String text = alert.getText();
      alert.dismiss();
      return Optional.of(text);
    } catch (NoAlertPresentException e) {
      return Optional.empty();
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files
            .sorted(java.util.Comparator.reverseOrder())
            .map(Path::toFile)
            .forEach(f -> f.delete());
      }
      profile = null;
    }
  }
}
