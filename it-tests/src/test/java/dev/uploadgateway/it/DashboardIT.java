package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The rollout dashboard in a real browser, Debian's headless Chromium (installed by the build, see
 * src/test/scripts/install-chromium.sh), against the gateway while uploads flow: what it shows
 * matches {@code GET /api/rollout} (the stepper draws the plan it names), everything comes from the
 * gateway itself, text from the server lands as text, and an operator logs in and pauses and resumes
 * the rollout through the page's own confirmation dialog.
 */
class DashboardIT extends GatewayIT {

    private static final String PASSWORD = System.getProperty("gateway.admin-password");
    private static final Path TARGET = Path.of(System.getProperty("basedir", "."), "target");
    /** Closes an attribute and opens an element: what markup-building code would turn into an {@code img}. */
    private static final String HOSTILE = "\"><img src=x onerror=window.xss=1>";

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
        // the nodes sharing the rollout: this one, marked as the leader it is
        wait.until(d -> !element("nodes").findElements(By.cssSelector("li.node[data-leader='true']")).isEmpty());
        WebElement leader = element("nodes").findElement(By.cssSelector("li.node[data-leader='true']"));
        assertEquals(api().getString("leader"), leader.getDomAttribute("data-node"));
        assertTrue(leader.getText().contains(" · leader · "), leader.getText());
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
        List<?> tip = hoverOverUploadsChart();
        assertEquals(List.of(1L, 3L), tip.subList(1, 3), "the bucket's times in bold, a swatch per path: " + tip);
        assertTrue(((String) tip.get(0)).matches(".+ – .+sync: \\d+async: \\d+sync fallback: \\d+"), tip.toString());
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
    void drawsTheStagesOfThePlanTheGatewayRuns() throws Exception {
        browser.get(base());
        wait.until(ExpectedConditions.attributeToBeNotEmpty(element("stage-percent"), "data-value"));

        JsonObject rollout = api();
        List<Double> plan = rollout.getJsonArray("plan").getValuesAs(JsonNumber.class).stream()
                .map(JsonNumber::doubleValue).toList();
        assertEquals(shippedPlan(), plan, "the plan is rollout.stage.<n>.percent as configured, in order");
        int stage = rollout.getInt("stage");
        assertEquals(plan.get(stage), rollout.getJsonNumber("percent").doubleValue(),
                "at 50 % the rollout sits on a stage of the plan, so the current step shows the plan's own share");
        assertEquals(plan.stream().map(p -> shareAsShown(p) + " %").toList(), stepLabels());
        assertEquals(String.valueOf(stage),
                element("stepper").findElement(By.cssSelector(".step.current")).getDomAttribute("data-stage"));
        assertTrue(text("stage-sub").startsWith("Stage " + stage + " of " + (plan.size() - 1) + " ·"),
                text("stage-sub"));
    }

    @Test
    void drawsWhateverPlanTheApiNamesNotABuiltInOne() {
        answerRewritten("/api/rollout", "r => Object.assign(r, {plan: [0, 5, 25, 100], stage: 2, percent: 25, "
                + "nextStage: 3, nextPercent: 100})");
        browser.get(base());
        wait.until(d -> "25".equals(element("stage-percent").getDomAttribute("data-value")));

        assertEquals(List.of("0 %", "5 %", "25 %", "100 %"), stepLabels());
        WebElement stepper = element("stepper");
        assertEquals("2", stepper.findElement(By.cssSelector(".step.current")).getDomAttribute("data-stage"));
        assertEquals("3", stepper.findElement(By.cssSelector(".step.next")).getDomAttribute("data-stage"));
        assertTrue(text("stage-sub").startsWith("Stage 2 of 3 ·"), text("stage-sub"));
    }

    /**
     * The page shows neither file names nor stickiness keys today; the hostile upload is there so that
     * a panel that starts showing them is caught too. What the page does show of the server's text is
     * fed the same markup through the answers it reads: a reason, a verdict, a state, the stickiness
     * header's name, an audit entry's action, actor and reasons (also a chart marker's title).
     */
    @Test
    void showsTheServersTextAsTextAndNeverAsMarkup() throws Exception {
        String filenameMarkup = "<img src=x onerror=window.xss=2>.bin";
        String keyMarkup = "<img src=x onerror=window.xss=3>";
        Path file = GatewayDeployment.randomFile("hostile.bin", 4 * 1024, 78);
        GatewayClient.Answer upload = gateway.upload(file, filenameMarkup, "application/octet-stream", keyMarkup,
                Map.of("provider", "kimi"));
        assertTrue(upload.status() / 100 == 2, upload.status() + " " + upload.body());

        String hostile = Json.createValue(HOSTILE).toString();
        answerRewritten("/api/rollout", "r => Object.assign(r, {state: " + hostile + ", stickinessHeader: " + hostile
                + ", lastEvaluation: {verdict: " + hostile + ", at: new Date().toISOString(), reasons: [" + hostile
                + "]}})");
        answerRewritten("/api/rollout/events", "events => [{action: " + hostile + ", actor: " + hostile
                + ", verdict: " + hostile + ", reasons: [" + hostile + "], fromStage: 2, toStage: 3, fromPercent: 10, "
                + "toPercent: 50, at: new Date(Date.now() - 30000).toISOString()}, ...events]");
        browser.get(base());
        wait.until(d -> HOSTILE.equals(text("reasons")));
        wait.until(d -> !element("timeline").findElements(By.cssSelector("li.event")).isEmpty());
        wait.until(d -> !element("chart-uploads").findElements(By.cssSelector("svg title")).isEmpty());

        assertEquals(HOSTILE, element("state").getDomProperty("textContent"), "the badge, upper-cased only by CSS");
        assertTrue(text("verdict").startsWith(HOSTILE + " · evaluated"), text("verdict"));
        assertTrue(text("status-meta").contains("sticky by " + HOSTILE + " ·"), text("status-meta"));
        WebElement newest = element("timeline").findElement(By.cssSelector("li.event"));
        assertEquals(HOSTILE, newest.findElement(By.cssSelector(".event-action")).getText());
        assertEquals(HOSTILE, newest.findElement(By.cssSelector(".event-action")).getDomAttribute("data-action"));
        assertTrue(newest.findElement(By.cssSelector(".actor")).getText().contains(HOSTILE), newest.getText());
        assertEquals(HOSTILE, newest.findElement(By.cssSelector(".event-what li")).getText());
        assertTrue(element("chart-uploads").findElement(By.cssSelector("svg title")).getDomProperty("textContent")
                .startsWith(HOSTILE + " by "), "the stage change marker's title");

        assertEquals(0L, browser.executeScript("return document.querySelectorAll('img, [onerror]').length"),
                "no element made from the server's text");
        assertEquals(null, browser.executeScript("return window.xss ?? null"), "no handler ran");
    }

    @Test
    void letsAnOperatorPauseAndResumeAfterConfirmingInThePage() throws Exception {
        // every request the page makes, so the test can see what logging in sends
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                (() => {
                    const fetched = window.fetch.bind(window);
                    window.sent = [];
                    window.fetch = (input, init) => {
                        window.sent.push(((init && init.method) || 'GET') + ' ' + new URL(String(input), location.href).pathname);
                        return fetched(input, init);
                    };
                })();
                """));
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
        // logging in changes nothing: it reads who the operator is, and sends no evaluation or move
        assertEquals(List.of(), browser.executeScript("return window.sent.filter(r => !r.startsWith('GET '))"),
                "logging in sent only reads");
        assertEquals(true, browser.executeScript("return window.sent.includes('GET /api/rollout/operator')"));
        assertFalse(element("action-approve").isEnabled(), "no stage awaits approval: Approve stays off");
        assertEquals("No stage awaits approval", element("action-approve").getDomAttribute("title"));
        assertTrue(text("status-meta").contains("· gate auto"), text("status-meta"));

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

    /** The uploads chart's tooltip under the pointer: its text, its bold headings and its colour swatches. */
    private List<?> hoverOverUploadsChart() {
        AtomicInteger nudge = new AtomicInteger();
        // the chart is redrawn every 10 s, tooltip and all: point again until one shows
        var pointing = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class);
        return pointing.until(d -> {
            WebElement area = element("chart-uploads").findElement(By.cssSelector("svg > rect[fill='transparent']"));
            new Actions(browser).moveToElement(area).moveByOffset(nudge.incrementAndGet() % 7, 0).perform();
            return (List<?>) browser.executeScript("const t = document.querySelector('#chart-uploads .tip');"
                    + "return t && !t.hidden ? [t.textContent, t.querySelectorAll('b').length,"
                    + " t.querySelectorAll('i').length] : null");
        });
    }

    /** The share each step of the stepper shows, in order. */
    private List<String> stepLabels() {
        return element("stepper").findElements(By.cssSelector(".step .step-label")).stream()
                .map(WebElement::getText).toList();
    }

    /**
     * Before the page's own scripts run, wraps {@code fetch} so that the JSON answer for {@code path}
     * reaches the page through {@code edit}, a JavaScript function of the parsed body: answers the
     * gateway cannot be made to give, fed to the page it serves.
     */
    private void answerRewritten(String path, String edit) {
        String script = """
                (() => {
                    const path = %s, edit = %s, fetched = window.fetch.bind(window);
                    window.fetch = async (input, init) => {
                        const answer = await fetched(input, init);
                        if (!answer.ok || new URL(String(input), location.href).pathname !== path) return answer;
                        return new Response(JSON.stringify(edit(await answer.json())),
                            {status: answer.status, headers: {'Content-Type': 'application/json'}});
                    };
                })();
                """.formatted(Json.createValue(path).toString(), edit);
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    /** {@code rollout.stage.<n>.percent} as the packaged WAR's EJB jar ships them, after the baseline's 0. */
    private static List<Double> shippedPlan() throws IOException {
        try (ZipFile war = new ZipFile(System.getProperty("gateway.war"))) {
            ZipEntry ejb = war.stream().filter(e -> e.getName().matches("WEB-INF/lib/upload-gateway-ejb-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no EJB jar in " + war.getName()));
            try (ZipInputStream jar = new ZipInputStream(war.getInputStream(ejb))) {
                for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
                    if (entry.getName().equals("META-INF/microprofile-config.properties")) {
                        Properties shipped = new Properties();
                        shipped.load(jar);
                        List<Double> plan = new ArrayList<>(List.of(0.0));
                        for (int n = 1; shipped.containsKey("rollout.stage." + n + ".percent"); n++) {
                            plan.add(Double.valueOf(shipped.getProperty("rollout.stage." + n + ".percent")));
                        }
                        return plan;
                    }
                }
            }
            throw new AssertionError("no microprofile-config.properties in " + ejb.getName());
        }
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
        return shareAsShown(rollout.getJsonNumber("percent").doubleValue());
    }

    private static String shareAsShown(double percent) {
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
