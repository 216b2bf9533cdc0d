package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.emulator.ProviderEmulator;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Operating the rollout on a real gateway, as Flagger and Argo users do: a promotion window the
 * controller waits for, signed webhooks (json with retries, slack text) on every move, a manual
 * gate approved over REST, a stage paused for staying inconclusive, and an automatic rollback that a
 * receiver which never answers does not delay. The rollout's clock is moved through a test-only
 * {@link ShiftedClock} added to a copy of the real WAR.
 */
@Tag("h2-only") // its database work is RolloutIT's (moves and records appended), which the PostgreSQL run repeats
class RolloutOperationsIT {

    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:ops-secret".getBytes(StandardCharsets.UTF_8));

    @Test
    void walksAWindowAGateAnInconclusiveStageAndARollbackTellingEveryReceiver() throws Exception {
        try (ProviderEmulator emulator = ProviderEmulator.builder().kimiKey("ops-key").start();
                WebhookReceiver hooks = WebhookReceiver.answering("hooks-secret", 2);
                WebhookReceiver chat = WebhookReceiver.answering("chat-secret", 0);
                WebhookReceiver stuck = WebhookReceiver.hanging("stuck-secret")) {
            Instant eightOClock = LocalDate.now(ZoneOffset.UTC).atTime(8, 0).toInstant(ZoneOffset.UTC);
            try (MicroProcess micro = MicroProcess.start(shiftedClockWar(), options(emulator, hooks, chat, stuck),
                    Map.of("test.clock-shift-seconds", String.valueOf(shiftTo(eightOClock))), Map.of())) {
                assertTrue(micro.awaitReady(Duration.ofMinutes(3)), "gateway up");
                GatewayClient gateway = GatewayClient.at(micro.url());
                Path file = GatewayDeployment.randomFile("ops.bin", 8 * 1024, 16);

                // 1. the baseline meets its criteria at 08:00, outside Mon-Sun 09:00-10:00 UTC: it waits
                for (int i = 0; i < 5; i++) {
                    assertEquals(201, upload(gateway, file, Keys.forPath(false, 50)).status());
                }
                JsonObject waiting = await(gateway, r -> "WAITING_FOR_WINDOW".equals(r.getString("state")),
                        "the baseline waiting for the window");
                assertEquals(eightOClock.plus(Duration.ofHours(1)).toString(), waiting.getString("nextWindowOpening"));
                assertEquals("Mon-Sun 09:00-10:00 UTC", waiting.getString("promotionWindow"));
                Thread.sleep(3_000); // three more evaluations, each outside the window
                assertEquals(0, gateway.get("api/rollout").json().getInt("stage"), "no promotion outside the window");

                // 2. 09:00:05: the window is open and the controller promotes on its own
                long shift = shiftTo(eightOClock.plus(Duration.ofMinutes(60)).plusSeconds(5));
                Files.writeString(micro.configDir.resolve("test.clock-shift-seconds"), String.valueOf(shift));
                JsonObject promoted = await(gateway, r -> r.getInt("stage") == 1, "the promotion inside the window");
                assertFalse(promoted.containsKey("nextWindowOpening") && !promoted.isNull("nextWindowOpening"),
                        promoted.toString());

                // the json receiver answered 500 twice: the same signed notice came three times
                Awaitility.await("the retried promote notice").atMost(Duration.ofSeconds(20))
                        .until(() -> hooks.of("promote").size() >= 3);
                List<WebhookReceiver.Received> promotes = hooks.of("promote");
                assertEquals(1, promotes.stream().map(WebhookReceiver.Received::delivery).distinct().count(),
                        "one delivery id on every attempt: " + promotes);
                assertTrue(promotes.stream().allMatch(WebhookReceiver.Received::signed), "HMAC-SHA256 of the raw body");
                JsonObject notice = promotes.get(0).json();
                assertEquals("promote", notice.getString("event"));
                JsonObject record = notice.getJsonObject("record");
                assertEquals("promote", record.getString("action"));
                assertEquals("CONTROLLER", record.getString("actor"));
                assertEquals(0, record.getInt("fromStage"));
                assertEquals(1, record.getInt("toStage"));
                assertTrue(record.containsKey("kpis") && record.containsKey("reasons"), record.toString());
                // the chat receiver got the slack form, signed with its own secret
                Awaitility.await("the slack notice").atMost(Duration.ofSeconds(20))
                        .until(() -> !chat.of("promote").isEmpty());
                WebhookReceiver.Received text = chat.of("promote").get(0);
                assertTrue(text.signed());
                assertTrue(text.json().getString("text").startsWith("upload-gateway rollout promote (promote) by"
                        + " CONTROLLER"), text.json().toString());
                String delivery = promotes.get(0).delivery();
                Awaitility.await("the delivery's outcome in the audit trail").atMost(Duration.ofSeconds(20))
                        .until(() -> events(gateway).stream().anyMatch(e -> e.toString().contains("the promote notice "
                                + delivery + " was delivered (HTTP 200) after 3 attempt(s)")));

                // 3. stage 1's gate is manual: it met its criteria and waits for an operator
                for (int i = 0; i < 5; i++) {
                    assertEquals(201, upload(gateway, file, Keys.forPath(true, 50)).status());
                }
                await(gateway, r -> "AWAITING_APPROVAL".equals(r.getString("state")), "the manual gate");
                Thread.sleep(2_000);
                assertEquals(1, gateway.get("api/rollout").json().getInt("stage"), "it waits, it does not promote");
                Awaitility.await("the gate notice").atMost(Duration.ofSeconds(20)).until(() -> !hooks.of("gate").isEmpty());
                assertEquals(401, approve(gateway, null).status(), "approval needs a rollout-admin");
                GatewayClient.Answer approved = approve(gateway, ADMIN);
                assertEquals(200, approved.status(), approved.body());
                assertEquals("approve", approved.json().getString("action"));
                assertEquals(2, approved.json().getInt("toStage"));
                assertTrue(events(gateway).stream().anyMatch(e -> "approve".equals(e.getString("action"))
                        && "admin".equals(e.getString("by", null)) && "OPERATOR".equals(e.getString("actor"))),
                        "the approver is in the audit");
                assertEquals(409, approve(gateway, ADMIN).status(), "nothing awaits approval any more");

                // 4. stage 2 stays inconclusive longer than its 4 s: the rollout pauses and says so
                JsonObject paused = await(gateway, r -> r.getBoolean("paused"), "the inconclusive stage's pause");
                assertEquals(2, paused.getInt("stage"));
                assertTrue(events(gateway).stream().anyMatch(e -> "inconclusive".equals(e.getString("action"))));
                Awaitility.await("the inconclusive notice").atMost(Duration.ofSeconds(20))
                        .until(() -> !hooks.of("inconclusive").isEmpty());

                // 5. resumed, then a failure storm: the rollback comes at once, whatever the hanging receiver does
                assertEquals(200, operator(gateway, "resume").status());
                assertTrue(stuck.received().size() >= 3, "the hanging receiver holds notices: " + stuck.received());
                emulator.failNext(40, 400);
                Instant storm = Instant.now();
                for (int i = 0; i < 20 && gateway.get("api/rollout").json().getBoolean("asyncEnabled"); i++) {
                    upload(gateway, file, Keys.forPath(true, 60));
                }
                JsonObject back = gateway.get("api/rollout").json();
                assertEquals("ROLLED_BACK", back.getString("state"), back.toString());
                Instant rolledBack = events(gateway).stream().filter(e -> "rollback".equals(e.getString("action")))
                        .map(e -> Instant.parse(e.getString("at")).minusSeconds(shift)).findFirst().orElseThrow();
                long afterMs = Duration.between(storm, rolledBack).toMillis();
                assertTrue(afterMs > -2_000 && afterMs < 5_000, "rolled back " + afterMs + " ms after the storm began");
                Awaitility.await("the rollback notices").atMost(Duration.ofSeconds(10))
                        .until(() -> !hooks.of("rollback").isEmpty() && !chat.of("rollback").isEmpty());
                assertTrue(hooks.of("rollback").get(0).at().isBefore(rolledBack.plusSeconds(5)));
                Awaitility.await("the hanging receiver's failed deliveries in the audit").atMost(Duration.ofSeconds(30))
                        .until(() -> events(gateway).stream().anyMatch(e -> e.toString().contains("webhook stuck: the")
                                && e.toString().contains("was not delivered")));
                emulator.reset();

                String log = micro.log();
                for (String secret : List.of("hooks-secret", "chat-secret", "stuck-secret")) {
                    assertFalse(log.contains(secret), "no secret in the log");
                    assertFalse(gateway.get("api/rollout/events?limit=200").body().contains(secret), "nor the API");
                    assertFalse(gateway.get("metrics").body().contains(secret), "nor the metrics");
                }
            }
        }
    }

    /** Starting at 08:00 UTC of the day (the shift is negative or positive as the time of day has it). */
    private static long shiftTo(Instant target) {
        return Duration.between(Instant.now(), target).toSeconds();
    }

    private static List<String> options(ProviderEmulator emulator, WebhookReceiver hooks, WebhookReceiver chat,
            WebhookReceiver stuck) {
        return List.of("-Dprovider.kimi.base-url=http://127.0.0.1:" + emulator.port(), "-Dprovider.kimi.api-key=ops-key",
                "-Dupload.default-provider=kimi", "-Dauth.anonymous-uploads=true", "-Drollout.admin.password=ops-secret",
                "-Drollout.auto-promote=true", "-Drollout.evaluation-interval-seconds=1", "-Drollout.recent-window=5",
                "-Drollout.review.latency-above=100", "-Drollout.promotion-window=Mon-Sun 09:00-10:00 UTC",
                "-Drollout.stage.0.min-uploads=5", "-Drollout.stage.0.min-duration-seconds=0",
                "-Drollout.stage.1.percent=50", "-Drollout.stage.1.gate=manual", "-Drollout.stage.1.min-uploads=5",
                "-Drollout.stage.1.min-duration-seconds=0", "-Drollout.stage.1.min-success-rate=0.1",
                "-Drollout.stage.1.max-error-rate=0.9", "-Drollout.stage.1.max-latency-ratio=100",
                "-Drollout.stage.2.percent=60", "-Drollout.stage.2.min-uploads=100000",
                "-Drollout.stage.2.max-duration-seconds=4", "-Drollout.stage.3.percent=70",
                "-Drollout.webhooks.hooks.url=" + hooks.url(), "-Drollout.webhooks.hooks.secret=hooks-secret",
                "-Drollout.webhooks.chat.url=" + chat.url(), "-Drollout.webhooks.chat.secret=chat-secret",
                "-Drollout.webhooks.chat.format=slack", "-Drollout.webhooks.chat.events=promote,rollback",
                "-Drollout.webhooks.stuck.url=" + stuck.url(), "-Drollout.webhooks.stuck.secret=stuck-secret",
                "-Drollout.webhooks.timeout-ms=2000", "-Drollout.webhooks.max-retries=2",
                "-Drollout.webhooks.retry-delay-ms=300", "-Drollout.webhooks.retry-jitter-ms=0");
    }

    /** The real WAR with {@link ShiftedClock} added. */
    private static Path shiftedClockWar() throws Exception {
        Path war = Path.of(System.getProperty("gateway.war"));
        Path shifted = Files.createDirectories(Path.of(System.getProperty("payara.microJar")).getParent()
                .resolve("processes")).resolve("upload-gateway-shifted-clock.war");
        ShrinkWrap.createFromZipFile(WebArchive.class, war.toFile()).addClass(ShiftedClock.class)
                .as(ZipExporter.class).exportTo(shifted.toFile(), true);
        return shifted;
    }

    private static GatewayClient.Answer upload(GatewayClient gateway, Path file, String key) throws Exception {
        return gateway.upload(file, "ops.bin", "application/octet-stream", key, Map.of());
    }

    private static GatewayClient.Answer approve(GatewayClient gateway, String authorization) throws Exception {
        return authorization == null ? gateway.send(HttpRequest.newBuilder(gateway.uri("api/rollout/approve"))
                .POST(HttpRequest.BodyPublishers.noBody()).build()) : operator(gateway, "approve");
    }

    private static GatewayClient.Answer operator(GatewayClient gateway, String action) throws Exception {
        return gateway.send(HttpRequest.newBuilder(gateway.uri("api/rollout/" + action)).header("Authorization", ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static List<JsonObject> events(GatewayClient gateway) throws Exception {
        return gateway.get("api/rollout/events?limit=200").jsonStructure().asJsonArray().getValuesAs(JsonObject.class);
    }

    private static JsonObject await(GatewayClient gateway, java.util.function.Predicate<JsonObject> shows, String what) {
        AtomicReference<JsonObject> last = new AtomicReference<>();
        try {
            Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().until(() -> {
                        last.set(gateway.get("api/rollout").json());
                        return shows.test(last.get());
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no " + what + " within 30 s; last seen " + last.get(), e);
        }
        return last.get();
    }
}
