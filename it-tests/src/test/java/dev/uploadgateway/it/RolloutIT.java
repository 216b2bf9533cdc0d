package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The rollout controller on a real server: KPIs at /metrics, an automatic rollback on a failure
 * storm, the operator's endpoints behind credentials, and the CSV exports. The gateway runs with
 * {@code rollout.recent-window=20} and a 2 s evaluation interval (src/test/micro/gateway-it.properties).
 */
class RolloutIT extends GatewayIT {

    private static final String ADMIN = "admin:" + System.getProperty("gateway.admin-password");
    /**
     * How long a rewritten switch must read the same before the controller adopts it (ConfigAdoption's
     * 2.5 s) plus the config cache that can keep a passing value ({@code mp.config.cache.duration}, 1 s).
     */
    private static final Duration SETTLING = Duration.ofMillis(3_500);

    /** The newest rollout event now, or null: events after it are this test's own. */
    private JsonObject newestEvent() throws Exception {
        List<JsonObject> newest = events(1);
        return newest.isEmpty() ? null : newest.get(0);
    }

    /** The events recorded after {@code marker} (from {@link #newestEvent()}), newest first. */
    private List<JsonObject> eventsAfter(JsonObject marker) throws Exception {
        List<JsonObject> after = new ArrayList<>();
        for (JsonObject event : events(500)) {
            if (event.equals(marker)) {
                return after;
            }
            after.add(event);
        }
        assertTrue(marker == null, "the marker event is no longer among the newest 500: " + marker);
        return after;
    }

    private List<JsonObject> events(int limit) throws Exception {
        return gateway.get("api/rollout/events?limit=" + limit).jsonStructure().asJsonArray().getValuesAs(JsonObject.class);
    }

    private static Instant lastEvaluationAt(JsonObject rollout) {
        JsonObject evaluation = rollout.get("lastEvaluation") instanceof JsonObject e ? e : null;
        return evaluation == null || !evaluation.containsKey("at") ? Instant.MIN : Instant.parse(evaluation.getString("at"));
    }

    private GatewayClient.Answer post(String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return gateway.send(request.build());
    }

    private double metric(String name, String... labels) throws Exception {
        String body = gateway.get("metrics?scope=application").body();
        Matcher line = Pattern.compile("(?m)^" + name + "\\{([^}]*)} ([0-9.E+-]+|NaN)$").matcher(body);
        double sum = 0;
        while (line.find()) {
            String set = line.group(1);
            if (java.util.Arrays.stream(labels).allMatch(set::contains)) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }

    @Test
    void countsEveryUploadInTheMetricsByPathAndOutcome() throws Exception {
        double before = metric("uploads_total", "path=\"async\"", "outcome=\"success\"", "provider=\"kimi\"");
        Path file = GatewayDeployment.randomFile("counted.bin", 64 * 1024, 51);
        GatewayClient.Answer answer = gateway.upload(file, "counted.bin", "application/octet-stream",
                Keys.forPath(true, 50), Map.of("provider", "kimi"));
        assertEquals(201, answer.status(), answer.body());
        assertEquals(before + 1, metric("uploads_total", "path=\"async\"", "outcome=\"success\"", "provider=\"kimi\""));
        assertTrue(metric("upload_duration_seconds_bucket", "path=\"async\"", "le=\"+Inf\"") >= 1);
        assertEquals(50.0, metric("rollout_percent"));
        // kimi streams, so its first attempt is forwarded while receiving and never enters Fault
        // Tolerance; the local store does not stream, so its async upload always goes through it.
        GatewayClient.Answer local = gateway.upload(file, "counted.bin", "application/octet-stream",
                Keys.forPath(true, 50), Map.of("provider", "local"));
        assertEquals(201, local.status(), local.body());
        String base = gateway.get("metrics?scope=base").body();
        assertTrue(Pattern.compile("(?m)^ft_invocations_total\\{[^}]*method=\"dev\\.uploadgateway\\.upload\\.control\\.AsyncAttempt\\.deliver\"")
                .matcher(base).find(), "FT metrics stay visible for the async attempt");
    }

    @Test
    void rollsBackToZeroOnAFailureStormAndNewUploadsGoSync() throws Exception {
        JsonObject before = newestEvent();
        try {
            emulator.failNext(40, 400);
            Path file = GatewayDeployment.randomFile("storm.bin", 16 * 1024, 52);
            for (int i = 0; i < 40 && gateway.get("api/rollout").json().getBoolean("asyncEnabled"); i++) {
                gateway.upload(file, "storm.bin", "application/octet-stream", Keys.forPath(true, 50),
                        Map.of("provider", "kimi"));
            }
            JsonObject rollout = gateway.get("api/rollout").json();
            assertEquals("ROLLED_BACK", rollout.getString("state"), rollout.toString());
            assertEquals(0.0, rollout.getJsonNumber("percent").doubleValue());
            assertFalse(rollout.getBoolean("asyncEnabled"));
            assertEquals(3.0, metric("rollout_controller_state"));

            emulator.reset();
            GatewayClient.Answer after = gateway.upload(file, "storm.bin", "application/octet-stream",
                    Keys.forPath(true, 50), Map.of("provider", "kimi"));
            assertEquals("sync", after.json().getString("path"), "a key that was async now goes sync");

            List<JsonObject> rollbacks = eventsAfter(before).stream()
                    .filter(e -> "rollback".equals(e.getString("action"))).toList();
            assertEquals(1, rollbacks.size(), "one rollback from this storm: " + rollbacks);
            JsonObject event = rollbacks.get(0);
            assertEquals("CONTROLLER", event.getString("actor"));
            assertTrue(event.getJsonArray("reasons").toString().contains("errors"), event.toString());
            assertTrue(event.containsKey("kpis") && event.containsKey("criteria"), "judged evidence recorded");
        } finally {
            readoptFifty();
        }
    }

    /**
     * A switch file rewritten in place with its own value reads empty for an instant, and an empty
     * value falls through to the packaged default (async off); the controller adopts only a value
     * that has settled, so rewrites while decisions are being made never move the rollout.
     */
    @Test
    void aSwitchFileRewrittenWithTheSameValueDoesNotMoveTheRollout() throws Exception {
        JsonObject before = newestEvent();
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 300; i++) {
                ConfigDir.rewrite("async.upload.enabled", "true");
                ConfigDir.rewrite("async.upload.rollout", "50");
            }
            writing.set(false);
        });
        writer.start();
        int reads = 0;
        while (writing.get() || reads < 20) {
            JsonObject rollout = gateway.get("api/rollout").json();
            assertTrue(rollout.getBoolean("asyncEnabled"), "read " + reads + ": " + rollout);
            reads++;
        }
        writer.join();
        // Whatever the last rewrite left passing would have been adopted by now: the controller's own
        // tick (every 2 s here) has read the switches and evaluated after the settling time.
        Instant settled = Instant.now().plus(SETTLING);
        await("an evaluation after the settling time").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonObject rollout = gateway.get("api/rollout").json();
                    assertTrue(rollout.getBoolean("asyncEnabled"), rollout.toString());
                    return lastEvaluationAt(rollout).isAfter(settled);
                });
        JsonObject rollout = gateway.get("api/rollout").json();
        assertTrue(rollout.getBoolean("asyncEnabled"), rollout.toString());
        assertEquals(50.0, rollout.getJsonNumber("percent").doubleValue());
        List<JsonObject> moves = eventsAfter(before).stream()
                .filter(e -> "adopt-config".equals(e.getString("action")))
                .toList();
        assertEquals(List.of(), moves, "no configuration move from rewriting the same values");
    }

    @Test
    void refusesOperatorActionsWithoutTheRightCredentials() throws Exception {
        GatewayClient.Answer none = post("api/rollout/pause", null);
        assertEquals(401, none.status());
        assertEquals("application/problem+json", none.header("Content-Type"));
        assertTrue(String.valueOf(none.header("WWW-Authenticate")).startsWith("Basic"), none.headers() + " " + none.body());
        assertEquals(401, post("api/rollout/pause", "admin:wrong").status());
        assertEquals(401, post("api/rollout/promote", "intruder:" + ADMIN.substring(6)).status());

        GatewayClient.Answer paused = post("api/rollout/pause", ADMIN);
        assertEquals(200, paused.status(), paused.body());
        assertTrue(gateway.get("api/rollout").json().getBoolean("paused"));
        assertEquals(409, post("api/rollout/pause", ADMIN).status(), "already paused");
        assertEquals(200, post("api/rollout/resume", ADMIN).status());
        assertFalse(gateway.get("api/rollout").json().getBoolean("paused"));
    }

    @Test
    void exportsUploadsAndRolloutEventsAsParseableCsv() throws Exception {
        JsonObject before = newestEvent();
        readoptFifty();
        List<String> ownAdoptions = eventsAfter(before).stream().filter(e -> "adopt-config".equals(e.getString("action")))
                .map(e -> e.getString("at")).toList();
        assertFalse(ownAdoptions.isEmpty(), "moving to 49 % and back to 50 % records adoptions");
        Path file = GatewayDeployment.randomFile("quoted, \"name\".bin", 8 * 1024, 53);
        assertEquals(201, gateway.upload(file, "quoted, \"name\".bin", "application/octet-stream", null, Map.of())
                .status());
        List<CSVRecord> uploads = csv("api/uploads.csv", "id");
        assertTrue(uploads.stream().anyMatch(r -> r.get("filename").equals("quoted, \"name\".bin")), "quoting round-trips");
        List<CSVRecord> events = csv("api/rollout/events.csv", "at");
        for (String at : ownAdoptions) {
            assertTrue(events.stream().anyMatch(r -> r.get("action").equals("adopt-config") && r.get("at").equals(at)),
                    "this test's adoption at " + at + " is in the CSV");
        }
    }

    private List<CSVRecord> csv(String path, String firstColumn) throws Exception {
        GatewayClient.Answer answer = gateway.get(path);
        assertEquals(200, answer.status());
        assertTrue(answer.header("Content-Type").startsWith("text/csv"));
        var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(answer.body()));
        assertEquals(firstColumn, parser.getHeaderNames().get(0));
        List<CSVRecord> records = parser.getRecords();
        records.forEach(r -> assertTrue(r.isConsistent(), "row " + r.getRecordNumber() + " has every column"));
        return records;
    }

    /** A rolled-back rollout stays down until someone acts: here, configuration set anew. */
    private void readoptFifty() throws Exception {
        ConfigDir.set("async.upload.rollout", "49");
        gateway.awaitRollout(r -> r.getJsonNumber("percent").doubleValue() == 49, "rollout 49 %");
        ConfigDir.set("async.upload.rollout", "50");
        gateway.awaitRollout(r -> r.getJsonNumber("percent").doubleValue() == 50, "rollout 50 %");
    }
}
