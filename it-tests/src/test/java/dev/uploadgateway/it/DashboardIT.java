package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The rollout dashboard in a real browser, Debian's headless Chromium (installed by the build, see
 * src/test/scripts/install-chromium.sh), against the gateway while uploads flow: what it shows
 * matches {@code GET /api/rollout}, everything comes from the gateway itself, and an operator logs
 * in and pauses and resumes the rollout through the page's own confirmation dialog.
 */
class DashboardIT extends GatewayIT {

    private static final String PASSWORD = System.getProperty("gateway.admin-password");
    private static final Path TARGET = Path.of(System.getProperty("basedir", "."), "target");

    private ChromeDriver browser;
    private WebDriverWait wait;
    private Traffic traffic;

    @BeforeEach
    void openTheDashboardWhileUploadsFlow() throws Exception {
        resumeIfPaused();
        traffic = Traffic.start(gateway);
        browser = headlessChromium();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(100));
    }

    @AfterEach
    void closeAndLeaveTheRolloutRunning() throws Exception {
        try {
            if (traffic != null) {
                traffic.close();
            }
            if (browser != null) {
                browser.quit();
            }
        } finally {
            resumeIfPaused();
        }
    }

    @Test
    void showsTheLiveStageItsCriteriaAndChartsFromTheGatewayAlone() throws Exception {
        traffic.awaitUploads(20);
        browser.get(base());
        wait.until(ExpectedConditions.attributeToBeNotEmpty(element("stage-percent"), "data-value"));

        JsonObject rollout = api();
        assertEquals(percentAsShown(rollout), text("stage-percent"));
        wait.until(d -> element("state").getDomAttribute("data-state").equals(api().getString("state")));
        assertEquals(String.valueOf(rollout.getInt("stage")),
                element("stepper").findElement(By.cssSelector(".step.current")).getDomAttribute("data-stage"));
        assertEquals(5, element("criteria").findElements(By.cssSelector("tbody tr")).size(),
                "uploads, time, success, errors and latency, each beside its live value");
        if (rollout.get("lastEvaluation") != null) {
            assertFalse(element("reasons").findElements(By.tagName("li")).isEmpty(), "the verdict's reasons");
        }

        // uploads keep arriving: the count shown is at least what the API said before and at most what it says after
        long before = sentToAsync(api());
        wait.until(d -> Long.parseLong(element("kpi-async-uploads").getDomAttribute("data-value")) >= before);
        long shown = Long.parseLong(element("kpi-async-uploads").getDomAttribute("data-value"));
        assertTrue(shown <= sentToAsync(api()), shown + " shown, more than the API knows");

        wait.until(d -> element("chart-uploads").findElements(By.cssSelector("svg rect[fill]")).size() > 1);
        assertTrue(Long.parseLong(element("chart-uploads").getDomAttribute("data-total")) > 0);
        assertFalse(element("chart-success").findElements(By.cssSelector("path.series")).isEmpty());
        assertFalse(element("timeline").findElements(By.cssSelector("li.event")).isEmpty(), "the audit trail");
        assertEquals(base() + "api/rollout/events.csv", element("audit-csv").getDomProperty("href"));

        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertTrue(loaded.size() >= 5, "stylesheet, scripts and API calls: " + loaded);
        loaded.forEach(url -> assertTrue(url.startsWith(base()), "loaded from elsewhere: " + url));
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertTrue(errors.isEmpty(), "console: " + errors);

        screenshot("dashboard.png");

        browser.get(base() + "dashboard");
        wait.until(ExpectedConditions.attributeToBeNotEmpty(element("stage-percent"), "data-value"));
        assertEquals("Rollout · upload-gateway", browser.getTitle());
    }

    @Test
    void letsAnOperatorPauseAndResumeAfterConfirmingInThePage() throws Exception {
        browser.get(base());
        wait.until(ExpectedConditions.attributeToBeNotEmpty(element("stage-percent"), "data-value"));
        assertFalse(element("action-pause").isEnabled(), "no actions before logging in");

        // a wrong password comes back as a message in the page, not as the browser's own login prompt
        logIn("wrong-" + PASSWORD);
        wait.until(ExpectedConditions.visibilityOf(element("login-error")));
        assertTrue(text("login-error").contains("not accepted"), text("login-error"));
        logIn(PASSWORD);
        wait.until(ExpectedConditions.visibilityOf(element("operator-name")));
        assertEquals("admin", text("operator-name"));

        confirm("action-pause", "Pause the rollout?");
        wait.until(d -> text("action-result").startsWith("Paused"));
        assertEquals("ok", element("action-result").getDomAttribute("data-kind"));
        wait.until(d -> "PAUSED".equals(element("state").getDomAttribute("data-state")));
        JsonObject paused = api();
        assertTrue(paused.getBoolean("paused"), paused.toString());
        assertEquals("PAUSED", paused.getString("state"));
        screenshot("dashboard-paused.png");

        confirm("action-resume", "Resume the rollout?");
        wait.until(d -> text("action-result").startsWith("Resumed"));
        wait.until(d -> !"PAUSED".equals(element("state").getDomAttribute("data-state")));
        assertFalse(api().getBoolean("paused"));

        // another operator pauses while this one is still confirming: the problem's detail is shown
        element("action-pause").click();
        wait.until(ExpectedConditions.visibilityOf(element("confirm-ok")));
        assertEquals(200, operator("pause"));
        element("confirm-ok").click();
        wait.until(d -> "error".equals(element("action-result").getDomAttribute("data-kind")));
        assertTrue(text("action-result").contains("already paused"), text("action-result"));
        wait.until(d -> "PAUSED".equals(element("state").getDomAttribute("data-state")));
    }

    private void logIn(String password) {
        if (!element("login-dialog").isDisplayed()) {
            element("login-button").click();
        }
        WebElement field = wait.until(ExpectedConditions.visibilityOf(element("login-password")));
        field.clear();
        field.sendKeys(password);
        element("login-submit").click();
    }

    private void confirm(String action, String question) {
        wait.until(ExpectedConditions.elementToBeClickable(element(action))).click();
        wait.until(ExpectedConditions.visibilityOf(element("confirm-ok")));
        assertEquals(question, text("confirm-title"));
        element("confirm-ok").click();
    }

    private WebElement element(String id) {
        return browser.findElement(By.id(id));
    }

    private String text(String id) {
        return element(id).getText();
    }

    private String base() {
        return uri("").toString();
    }

    /** {@code GET /api/rollout}, unchecked so that browser waits can call it. */
    private JsonObject api() {
        try {
            return gateway.get("api/rollout").json();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long sentToAsync(JsonObject rollout) {
        JsonObject kpis = rollout.getJsonObject("kpis");
        return kpis.getJsonNumber("asyncUploads").longValue() + kpis.getJsonNumber("fallbackUploads").longValue();
    }

    private static String percentAsShown(JsonObject rollout) {
        double percent = rollout.getJsonNumber("percent").doubleValue();
        return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent);
    }

    private int operator(String action) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return gateway.send(HttpRequest.newBuilder(uri("api/rollout/" + action))
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).status();
    }

    /** The next test classes expect a running rollout. */
    private void resumeIfPaused() throws IOException, InterruptedException {
        if (api().getBoolean("paused")) {
            assertEquals(200, operator("resume"));
        }
    }

    /** The whole page, at the laptop width the dashboard is laid out for. */
    private void screenshot(String name) throws IOException {
        Dimension window = browser.manage().window().getSize();
        long height = (Long) browser.executeScript(
                "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight");
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.max(window.getHeight(), height)));
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), TARGET.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(window);
    }

    /** Debian's Chromium and chromedriver by path, so Selenium Manager never looks for, or fetches, either. */
    private static ChromeDriver headlessChromium() throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--user-data-dir=" + profile, "--window-size=1366,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** Uploads to Kimi on both paths in the background, bounded in count and time. */
    private static final class Traffic implements AutoCloseable {

        private static final int MAX_UPLOADS = 600;
        private static final Duration MAX_TIME = Duration.ofSeconds(90);

        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicInteger done = new AtomicInteger();

        static Traffic start(GatewayClient gateway) throws IOException {
            Traffic traffic = new Traffic();
            Path file = GatewayDeployment.randomFile("dashboard.bin", 24 * 1024, 77);
            Instant until = Instant.now().plus(MAX_TIME);
            traffic.thread.submit(() -> {
                for (int i = 0; i < MAX_UPLOADS && !traffic.stop.get() && Instant.now().isBefore(until); i++) {
                    gateway.upload(file, "dashboard.bin", "application/octet-stream", Keys.forPath(i % 2 == 0, 50),
                            Map.of("provider", "kimi"));
                    traffic.done.incrementAndGet();
                }
                return null;
            });
            return traffic;
        }

        void awaitUploads(int count) throws InterruptedException {
            Instant deadline = Instant.now().plusSeconds(30);
            while (done.get() < count && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertTrue(done.get() >= count, "only " + done.get() + " uploads in 30 s");
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.shutdown();
            assertTrue(thread.awaitTermination(60, TimeUnit.SECONDS), "the uploads stop");
        }
    }
}
