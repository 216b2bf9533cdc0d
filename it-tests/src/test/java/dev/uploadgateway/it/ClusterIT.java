package dev.uploadgateway.it;

import dev.uploadgateway.testkit.LoopbackPorts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.uploadgateway.emulator.ProviderEmulator;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three gateways sharing one rollout, started as an operator starts them: server-config/cluster.sh
 * with its throwaway PostgreSQL, three Payara Micro nodes sharing one spool directory
 * ({@code --shared-spool}) and nginx round-robin in front. The
 * nodes start with async off (each node's config directory turns it on in one test) and run with a short lease (3 s) and a recent window of 10 async outcomes, tuned so that 3
 * failures in a node's 10 stay under the error trigger on that node alone, while the cluster's
 * window (each node's latest 10 ÷ nodes) crosses it; no scheduled evaluation runs, so only triggers and operators move
 * the stage. Each test works with the nodes alive when it runs; the last two each kill one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String ADMIN_PASSWORD = "cluster-" + UUID.randomUUID();
    private static final String KIMI_KEY = "cluster-kimi-key";
    private static final int NODES = 3;
    private static ProviderEmulator emulator;
    private static Process cluster;
    private static Path dir;
    private static int port;
    private static int nodeBase;

    @BeforeAll
    static void startCluster() throws Exception {
        emulator = ProviderEmulator.builder().kimiKey(KIMI_KEY).start();
        Path target = Path.of(System.getProperty("payara.microJar")).getParent();
        dir = target.resolve("cluster");
        port = LoopbackPorts.free();
        nodeBase = LoopbackPorts.freeRun(NODES);
        Path serverConfig = target.getParent().resolve("../server-config").normalize();
        ProcessBuilder builder = new ProcessBuilder("bash", serverConfig.resolve("cluster.sh").toString(),
                "--nodes", String.valueOf(NODES), "--shared-spool")
                .redirectErrorStream(true).redirectOutput(target.resolve("cluster.log").toFile());
        builder.environment().putAll(Map.of("PORT", String.valueOf(port), "NODE_PORT_BASE", String.valueOf(nodeBase),
                "PG_PORT", String.valueOf(LoopbackPorts.free()), "CLUSTER_DIR", dir.toString(),
                "JAVA_OPTS", String.join(" ", List.of("-Xmx256m",
                        "-Dprovider.kimi.base-url=http://127.0.0.1:" + emulator.port(),
                        "-Dprovider.kimi.api-key=" + KIMI_KEY, "-Dupload.default-provider=kimi",
                        "-Dauth.anonymous-uploads=true", "-Drollout.admin.password=" + ADMIN_PASSWORD,
                        "-Dasync.upload.fallback=false",
                        "-Dasync.upload.max-retries=0", "-Dasync.upload.timeout=8", "-Dcluster.lease-seconds=3", "-Drollout.recent-window=10",
                        "-Drollout.trigger.error-above=0.21", "-Drollout.trigger.success-below=0.5",
                        "-Drollout.evaluation-interval-seconds=86400"))));
        cluster = builder.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        Path log = target.resolve("cluster.log");
        while (!Files.readString(log).contains("upload-gateway cluster ready: http://127.0.0.1:" + port)) {
            if (!cluster.isAlive() || System.nanoTime() > deadline) {
                fail("cluster.sh did not report ready: " + Files.readString(log));
            }
            Thread.sleep(250);
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.destroy(); // SIGTERM: cluster.sh stops its nodes, nginx and PostgreSQL
            if (!cluster.waitFor(90, TimeUnit.SECONDS)) {
                cluster.destroyForcibly();
            }
            for (int i = 1; i <= NODES; i++) {
                pid(i).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
            }
            assertFalse(cluster.isAlive());
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    @Order(1)
    void anOperatorsMoveOnOneNodeIsInForceOnEveryNodeWithinTwoSeconds() throws Exception {
        List<Integer> alive = aliveNodes();
        int first = alive.get(0);
        int last = alive.get(alive.size() - 1);
        JsonObject before = node(first).get("api/rollout").json();
        assertEquals(200, operator(first, "pause", before.getInt("stage")).status());
        try {
            for (int n : alive) {
                awaitWithin(Duration.ofSeconds(2), n, r -> r.getBoolean("paused"), "paused");
            }
        } finally {
            JsonObject paused = node(last).get("api/rollout").json();
            assertEquals(200, operator(last, "resume", paused.getInt("stage")).status());
        }
        for (int n : alive) {
            awaitWithin(Duration.ofSeconds(2), n, r -> !r.getBoolean("paused"), "resumed");
        }
        List<JsonObject> events = events();
        JsonObject pause = events.stream().filter(e -> "pause".equals(e.getString("action"))).findFirst().orElseThrow();
        assertEquals("node-" + first, pause.getString("node"), "the trail names the node that made the move");
    }

    /**
     * The switches written into every node's config directory, as an operator rolls a change out
     * to all of them, are adopted once for the cluster; a lower value written on one node alone is
     * in force on every node, and the others, whose configuration still reads the old value, leave it.
     */
    @Test
    @Order(2)
    void aConfigurationChangeIsAdoptedOnceForTheClusterAndOneNodesChangeIsInForceOnEveryNode() throws Exception {
        List<Integer> alive = aliveNodes();
        for (int n : alive) {
            Files.writeString(dir.resolve("node-" + n + "/config/async.upload.enabled"), "true");
            Files.writeString(dir.resolve("node-" + n + "/config/async.upload.rollout"), "40");
        }
        for (int n : alive) {
            awaitWithin(Duration.ofSeconds(15), n, r -> r.getBoolean("asyncEnabled")
                    && r.getJsonNumber("percent").doubleValue() == 40, "40 % from every node's configuration");
        }
        Thread.sleep(3_000); // every node has read it by now
        List<JsonObject> toForty = events().stream().filter(e -> "adopt-config".equals(e.getString("action"))
                && e.getJsonNumber("toPercent").doubleValue() == 40).toList();
        assertEquals(1, toForty.size(), "three nodes read the same change: one CONFIG record for the cluster, " + toForty);

        int changed = alive.get(alive.size() - 1);
        double lower = 20;
        Files.writeString(dir.resolve("node-" + changed + "/config/async.upload.rollout"), "20");
        awaitWithin(Duration.ofSeconds(10), changed, r -> r.getJsonNumber("percent").doubleValue() == lower,
                lower + " % from node-" + changed + "'s configuration");
        for (int n : alive) {
            awaitWithin(Duration.ofSeconds(2), n, r -> r.getJsonNumber("percent").doubleValue() == lower,
                    lower + " % adopted on node-" + changed);
        }
        Thread.sleep(3_000); // the others' configuration still reads the old value: they must not undo it
        for (int n : alive) {
            assertEquals(lower, node(n).get("api/rollout").json().getJsonNumber("percent").doubleValue(), "node-" + n);
        }
        List<JsonObject> adoptions = events().stream().filter(e -> "adopt-config".equals(e.getString("action"))
                && e.getJsonNumber("toPercent").doubleValue() == lower).toList();
        assertEquals(1, adoptions.size(), "one CONFIG record for the cluster: " + adoptions);
        assertEquals("node-" + changed, adoptions.get(0).getString("node"));
    }

    @Test
    @Order(3)
    void aStickinessKeyTakesTheSamePathOnEveryNode() throws Exception {
        double percent = enabledPercent();
        Path file = GatewayDeployment.randomFile("sticky.bin", 4 * 1024, 71);
        for (boolean async : new boolean[]{true, false}) {
            String key = Keys.forPath(async, percent);
            for (int n : aliveNodes()) {
                GatewayClient.Answer answer = node(n).upload(file, "sticky.bin", "application/octet-stream", key, Map.of());
                assertEquals(201, answer.status(), answer.body());
                assertEquals(async ? "async" : "sync", answer.json().getString("path"), "node-" + n + ", key " + key);
            }
        }
    }

    @Test
    @Order(4)
    void aFailureStormSpreadOverTheNodesRollsTheClusterBackThoughNoNodeAloneCrossesTheTrigger() throws Exception {
        double percent = enabledPercent();
        List<Integer> alive = aliveNodes();
        assertTrue(alive.size() >= 2, "a storm needs two nodes at least: " + alive);
        Path file = GatewayDeployment.randomFile("storm.bin", 4 * 1024, 72);
        for (int n : alive) {
            for (int i = 0; i < 10; i++) {
                if (i % 3 == 0 && i > 0) {
                    emulator.failNext(1, 400); // uploads 3, 6 and 9 of each node's 10 are refused, never retried
                }
                GatewayClient.Answer answer = node(n).upload(file, "storm.bin", "application/octet-stream",
                        Keys.forPath(true, percent), Map.of());
                boolean failing = i % 3 == 0 && i > 0;
                assertEquals(failing, answer.status() != 201, answer.status() + " " + answer.body());
            }
            if (n == alive.get(0)) {
                assertNotEquals("ROLLED_BACK", node(n).get("api/rollout").json().getString("state"),
                        "one node's 3 failures in 10 stay under the trigger");
            }
        }
        awaitWithin(Duration.ofSeconds(10), alive.get(alive.size() - 1), r -> "ROLLED_BACK".equals(r.getString("state")),
                "rolled back");
        for (int n : alive) {
            awaitWithin(Duration.ofSeconds(2), n, r -> "ROLLED_BACK".equals(r.getString("state"))
                    && r.getJsonNumber("percent").doubleValue() == 0, "rolled back everywhere");
        }
        JsonObject rollback = events().stream().filter(e -> "rollback".equals(e.getString("action"))
                && "CONTROLLER".equals(e.getString("actor"))).findFirst().orElseThrow();
        long trials = rollback.getJsonObject("kpis").getJsonObject("recentError").getJsonNumber("trials").longValue();
        int share = (10 + alive.size() - 1) / alive.size(); // each node's part of the cluster's recent window
        assertTrue(trials >= 10 && trials > share, "judged on every node's latest outcomes: " + rollback);
    }

    @Test
    @Order(8)
    void oneNodeLeadsAndAKilledLeaderIsReplacedWithinFifteenSecondsWithNoMoveRecordedTwice() throws Exception {
        JsonObject view = through().get("api/rollout").json();
        String leader = view.getString("leader");
        assertNotNull(leader);
        for (int n : aliveNodes()) {
            assertEquals(leader, node(n).get("api/rollout").json().getString("leader"), "node-" + n + " agrees");
        }
        Set<String> listed = new HashSet<>();
        view.getJsonArray("nodes").getValuesAs(JsonObject.class).forEach(n -> listed.add(n.getString("id")));
        for (int i = 1; i <= NODES; i++) {
            assertTrue(listed.contains("node-" + i), "node-" + i + " listed, dead or alive: " + view);
        }
        for (JsonObject n : view.getJsonArray("nodes").getValuesAs(JsonObject.class)) {
            if (n.getString("id").matches("node-[1-" + NODES + "]")) { // cluster.sh's, which set cluster.node-url
                assertTrue(n.getString("baseUrl").startsWith("http://127.0.0.1:"), n.toString());
            }
            assertTrue(n.containsKey("inFlight") && n.containsKey("lastSeen"), n.toString());
        }
        String metrics = node(aliveNodes().get(0)).get("metrics?scope=application").body();
        assertTrue(metrics.contains("node=\"node-" + aliveNodes().get(0) + "\""), "metrics carry the node tag");

        int killed = Integer.parseInt(leader.substring("node-".length()));
        ProcessHandle.of(pid(killed).orElseThrow()).orElseThrow().destroyForcibly(); // SIGKILL
        long start = System.nanoTime();
        int survivor = aliveNodes().stream().filter(n -> n != killed).findFirst().orElseThrow();
        String next = null;
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(15)) {
            JsonObject r = node(survivor).get("api/rollout").json();
            if (r.containsKey("leader") && !r.isNull("leader") && !leader.equals(r.getString("leader"))) {
                next = r.getString("leader");
                break;
            }
            Thread.sleep(200);
        }
        assertNotNull(next, "another node leads within 15 s of the leader's SIGKILL");
        System.out.printf("ClusterIT: %s SIGKILLed, %s leads after %.1f s (lease 3 s)%n", leader, next,
                (System.nanoTime() - start) / 1e9);
        // the new leader moves the rollout: one record of it, whichever node the operator asks
        JsonObject before = node(survivor).get("api/rollout").json();
        assertEquals(200, operator(survivor, "pause", before.getInt("stage")).status());
        assertEquals(409, operator(survivor, "pause", before.getInt("stage") + 1).status(), "an outdated view is refused");
        assertEquals(200, operator(survivor, "resume", before.getInt("stage")).status());
        Set<String> seen = new HashSet<>();
        for (JsonObject e : events()) {
            assertTrue(seen.add(e.getString("at") + " " + e.getString("action")), "recorded twice: " + e);
        }
    }

    @Test
    @Order(5)
    void aNodeWithAnotherSaltIsRefusedNamingTheKeyAndLeavesTheClusterAsItWas() throws Exception {
        int before = events().size();
        String stateBefore = through().get("api/rollout").json().getString("stageStartedAt");
        Map<String, String> database = database();
        try (MicroProcess other = MicroProcess.start(List.of("-Drollout.salt=another-salt", "-Dcluster.node-id=node-y"),
                Map.of(), database)) {
            assertTrue(other.awaitLog(l -> l.contains("cannot start") && l.contains("rollout.salt"), Duration.ofMinutes(2)),
                    "the refusal names the key");
            assertTrue(other.awaitLog(l -> l.contains("Payara Micro") && l.contains("ready in"), Duration.ofMinutes(1)),
                    "Payara Micro boots, without the gateway");
            assertFalse(other.awaitReady(Duration.ofSeconds(3)), "the node with another salt does not serve");
            assertFalse(other.log().contains("another-salt"), "never the salt itself");
        }
        assertEquals(before, events().size(), "no record from the refused node");
        assertEquals(stateBefore, through().get("api/rollout").json().getString("stageStartedAt"));
    }

    /**
     * A node that starts resumes only the unfinished uploads it holds itself: a live node's record
     * stays that node's, though the spool directory is shared (before records named their node, a
     * starting node failed it, or would have sent it a second time).
     */
    @Test
    @Order(6)
    void aStartingNodeLeavesAnotherNodesUnfinishedUploadToThatNode() throws Exception {
        Map<String, String> database = database();
        String holder = "node-" + aliveNodes().get(0);
        String id = UUID.randomUUID().toString();
        String url = "jdbc:postgresql://127.0.0.1:" + database.get("UPLOAD_GATEWAY_DB_PORT") + "/"
                + database.get("UPLOAD_GATEWAY_DB_NAME");
        try (var c = java.sql.DriverManager.getConnection(url, database.get("UPLOAD_GATEWAY_DB_USER"),
                database.get("UPLOAD_GATEWAY_DB_PASSWORD"))) {
            try (var insert = c.prepareStatement("INSERT INTO UPLOAD_RECORD (ID, ATTEMPTS, BYTES, CONTENTTYPE, CREATEDAT,"
                    + " DURATIONMS, FILENAME, PATH, PROVIDER, PURPOSE, SHA256, SPOOLFILE, STATE, NODE)"
                    + " VALUES (?, 1, 4096, 'application/octet-stream', CURRENT_TIMESTAMP, 0, 'held.bin', 'ASYNC',"
                    + " 'kimi', 'file-extract', ?, ?, 'UPLOADING', ?)")) {
                insert.setString(1, id);
                insert.setString(2, "0".repeat(64));
                insert.setString(3, dir.resolve("spool/" + id + ".spool").toString());
                insert.setString(4, holder);
                insert.executeUpdate();
            }
            try (MicroProcess joining = MicroProcess.start(List.of("-Dcluster.node-id=node-x",
                    "-Dprovider.kimi.base-url=http://127.0.0.1:" + emulator.port(), "-Dprovider.kimi.api-key=" + KIMI_KEY,
                    "-Dupload.spool-dir=" + dir.resolve("spool"), "-Dupload.spool-shared=true"),
                    Map.of(), database)) {
                assertTrue(joining.awaitReady(Duration.ofMinutes(3)), "a fourth node with the cluster's rules joins");
                awaitWithin(Duration.ofSeconds(5), aliveNodes().get(0), r -> r.getJsonArray("nodes").stream()
                        .map(JsonObject.class::cast).anyMatch(n -> n.getString("id").equals("node-x") && n.getBoolean("alive")),
                        "node-x among the nodes");
                try (var read = c.prepareStatement("SELECT STATE, NODE FROM UPLOAD_RECORD WHERE ID = ?")) {
                    read.setString(1, id);
                    try (var r = read.executeQuery()) {
                        assertTrue(r.next());
                        assertEquals("UPLOADING", r.getString(1), "node-x did not touch " + holder + "'s upload");
                        assertEquals(holder, r.getString(2));
                    }
                }
            } finally {
                try (var delete = c.prepareStatement("DELETE FROM UPLOAD_RECORD WHERE ID = ?")) {
                    delete.setString(1, id);
                    delete.executeUpdate();
                }
            }
        }
        // gone from the cluster before the next test counts the live nodes
        awaitWithin(Duration.ofSeconds(10), aliveNodes().get(0), r -> r.getJsonArray("nodes").stream()
                .map(JsonObject.class::cast).noneMatch(n -> n.getString("id").equals("node-x") && n.getBoolean("alive")),
                "node-x gone");
    }

    /**
     * With the spool shared, a node SIGKILLed while it holds acknowledged {@code Prefer: respond-async}
     * uploads on their way to the provider loses none: once its lease has run out a live node takes
     * them over, asks the provider whether it has each already (it may have answered the dead node),
     * and delivers the rest; every file is at the provider once and byte-identical, and every node
     * reports the same records.
     */
    @Test
    @Order(7)
    void aKilledNodesAcknowledgedUploadsAreDeliveredOnceByTheNodesThatLive() throws Exception {
        double percent = enabledPercent();
        List<Integer> alive = aliveNodes();
        assertTrue(alive.size() >= 2, "a takeover needs a node that lives: " + alive);
        int victim = alive.get(alive.size() - 1);
        List<Integer> survivors = alive.subList(0, alive.size() - 1);
        int uploads = 4;
        Map<String, String> sha256ById = new HashMap<>();
        // the provider answers 1 s after each body: the kill comes in that second, the takeover after the lease (3 s)
        emulator.latency(Duration.ofSeconds(1));
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            List<String> sums = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                Path file = GatewayDeployment.randomFile("taken-" + i + ".bin", 1024 * 1024 + i * 4096, 80 + i);
                sums.add(GatewayDeployment.sha256(file));
                var form = new dev.uploadgateway.testkit.MultipartForm().file("file", "taken-" + i + ".bin", file);
                sent.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (nodeBase + victim - 1)
                                + "/api/uploads")).header("Content-Type", form.contentType())
                        .header("Prefer", "respond-async").header("X-Request-Id", Keys.forPath(true, percent))
                        .POST(form.publisher()).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < uploads; i++) {
                HttpResponse<String> accepted = sent.get(i).get(60, TimeUnit.SECONDS);
                assertEquals(202, accepted.statusCode(), accepted.body());
                try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(accepted.body()))) {
                    JsonObject record = reader.readObject();
                    assertEquals("async", record.getString("path"), record.toString());
                    sha256ById.put(record.getString("id"), sums.get(i));
                }
            }
            ProcessHandle.of(pid(victim).orElseThrow()).orElseThrow().destroyForcibly(); // SIGKILL
            long killed = System.nanoTime();
            for (int n : survivors) { // read once before the takeover: no node may keep answering an old copy
                for (String id : sha256ById.keySet()) {
                    assertEquals(200, node(n).get("api/uploads/" + id).status());
                }
            }
            int takenOver = 0;
            for (var upload : sha256ById.entrySet()) {
                JsonObject record = awaitRecord(survivors.get(0), upload.getKey(), "delivered", Duration.ofSeconds(60));
                assertEquals(upload.getValue(), record.getString("sha256"));
                assertEquals(1, emulator.countBySha256(upload.getValue()), "delivered once: " + record);
                assertEquals(record.getString("providerFileId"), emulator.bySha256(upload.getValue()).orElseThrow().id());
                if (!record.getString("node").equals("node-" + victim)) {
                    takenOver++;
                    assertTrue(survivors.contains(Integer.parseInt(record.getString("node").substring("node-".length()))),
                            record.toString());
                }
                for (int n : survivors) {
                    assertEquals(record, node(n).get("api/uploads/" + upload.getKey()).json(), "node-" + n + " agrees");
                }
            }
            System.out.printf("ClusterIT: node-%d SIGKILLed holding %d acknowledged uploads; %d taken over, all delivered"
                    + " once within %.1f s%n", victim, uploads, takenOver, (System.nanoTime() - killed) / 1e9);
            assertTrue(takenOver > 0, "the kill came while the dead node still held uploads");
            Thread.sleep(2_000); // a late second delivery would show now
            for (String sha256 : sha256ById.values()) {
                assertEquals(1, emulator.countBySha256(sha256), "still once");
            }
        } finally {
            emulator.latency(Duration.ZERO);
        }
    }

    /** Polls node {@code i} until the upload's record is in {@code state}; fails after {@code within}. */
    private static JsonObject awaitRecord(int i, String id, String state, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        JsonObject last;
        do {
            last = node(i).get("api/uploads/" + id).json();
            if (state.equals(last.getString("state"))) {
                return last;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        fail("upload " + id + " not " + state + " on node-" + i + " within " + within + ": " + last);
        return last;
    }

    private static Map<String, String> database() throws IOException {
        Map<String, String> database = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("database.env"))) {
            database.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        return database;
    }

    /** The percent async uploads go at, after an operator's promote when the rollout stands at 0. */
    private static double enabledPercent() throws Exception {
        int n = aliveNodes().get(0);
        JsonObject r = node(n).get("api/rollout").json();
        if (r.getBoolean("paused")) {
            assertEquals(200, operator(n, "resume", r.getInt("stage")).status());
        }
        r = node(n).get("api/rollout").json();
        if (!r.getBoolean("asyncEnabled") || r.getJsonNumber("percent").doubleValue() == 0) {
            assertEquals(200, operator(n, "promote", r.getInt("stage")).status());
        }
        double percent = node(n).get("api/rollout").json().getJsonNumber("percent").doubleValue();
        for (int other : aliveNodes()) {
            awaitWithin(Duration.ofSeconds(2), other, v -> v.getJsonNumber("percent").doubleValue() == percent,
                    percent + " %");
        }
        return percent;
    }

    private static List<Integer> aliveNodes() {
        List<Integer> alive = new ArrayList<>();
        for (int i = 1; i <= NODES; i++) {
            if (pid(i).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false)) {
                alive.add(i);
            }
        }
        return alive;
    }

    private static java.util.Optional<Long> pid(int i) {
        try {
            return java.util.Optional.of(Long.parseLong(Files.readString(dir.resolve("node-" + i + "/pid")).strip()));
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static GatewayClient node(int i) throws Exception {
        return GatewayClient.at(new URL("http://127.0.0.1:" + (nodeBase + i - 1) + "/"));
    }

    private static GatewayClient through() throws Exception {
        return GatewayClient.at(new URL("http://127.0.0.1:" + port + "/"));
    }

    private static GatewayClient.Answer operator(int i, String action, int expectedStage) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + (nodeBase + i - 1) + "/api/rollout/" + action + "?from=" + expectedStage);
        return node(i).send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build());
    }

    private static List<JsonObject> events() throws Exception {
        return through().get("api/rollout/events?limit=500").jsonStructure().asJsonArray().getValuesAs(JsonObject.class);
    }

    /** Polls node {@code i} until its view shows {@code what}; fails when that takes longer than {@code within}. */
    private static void awaitWithin(Duration within, int i, Predicate<JsonObject> shows, String what) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        JsonObject last = null;
        do {
            last = node(i).get("api/rollout").json();
            if (shows.test(last)) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        fail("node-" + i + " did not show " + what + " within " + within + "; last seen " + last);
    }
}
