package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.emulator.ProviderEmulator;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The EAR on a Payara Server deployment group of two instances sharing PostgreSQL, set up as
 * README's "Cluster" section tells an operator to: the domain's settings and pool, the instances'
 * settings (payara-server-instances.asadmin), each instance's cluster.node-id, one deploy to the
 * group. The two are one rollout: one leader, an operator's move on one in force on the other, and
 * an upload taken by one is a record on both. Runs in the PostgreSQL execution only.
 */
@EnabledIfSystemProperty(named = "payara.server.home", matches = ".+")
@EnabledIfSystemProperty(named = "gateway.db.host", matches = ".+")
class PayaraDeploymentGroupIT {

    private static final Path WORK = Path.of(System.getProperty("payara.server.work")).resolve("group");
    private static final String GROUP = "upload-gateways";
    private static final String ADMIN_PASSWORD = "group-" + UUID.randomUUID();
    private static final List<String> INSTANCES = List.of("gateway-1", "gateway-2");

    private static ProviderEmulator emulator;
    private static PayaraServer server;
    private static final Map<String, Integer> HTTP_PORTS = new LinkedHashMap<>();

    @BeforeAll
    static void deployTheEarToAGroup() throws Exception {
        emulator = ProviderEmulator.builder().kimiKey(GatewayDeployment.KIMI_KEY).start();
        server = PayaraServer.create(Path.of(System.getProperty("payara.server.home")), WORK.resolve("domains"));
        PayaraServer.deleteTree(server.localNodeDir()); // instances of an earlier run live in the distribution
        Path commands = Path.of(System.getProperty("payara.server.commands"));
        server.addLibrary(commands.resolveSibling("target/postgresql.jar"));
        server.environment(PostgresDatabases.forProcess());
        server.start();
        Path aliasPassword = WORK.resolve("alias-password.txt");
        Files.writeString(aliasPassword, "AS_ADMIN_ALIASPASSWORD=" + System.getenv("UPLOAD_GATEWAY_DB_PASSWORD") + "\n");
        server.asadmin(Duration.ofMinutes(1), "--passwordfile=" + aliasPassword, "create-password-alias",
                "upload-gateway-db-password");
        server.runCommandFile(commands);
        server.runCommandFile(commands.resolveSibling("payara-server-postgresql.asadmin"));
        server.runCommandFile(commands.resolveSibling("payara-server-instances.asadmin"));
        // the gateway's settings for every instance: in default-config, which each instance copies
        server.asadmin(Duration.ofMinutes(1), "create-system-properties", "--target", "default-config", escaped(Map.of(
                "provider.kimi.base-url", emulator.baseUri().toString(),
                "provider.kimi.api-key", GatewayDeployment.KIMI_KEY,
                "upload.default-provider", "kimi",
                "auth.anonymous-uploads", "true",
                "async.upload.enabled", "true",
                "async.upload.rollout", "50",
                "rollout.admin.password", ADMIN_PASSWORD,
                "rollout.evaluation-interval-seconds", "86400",
                "rollout.trigger.heap-spike-min-bytes", String.valueOf(1L << 40))));
        for (String instance : INSTANCES) {
            int base = PayaraServer.freePortBase();
            server.asadmin(Duration.ofMinutes(2), "create-instance", "--node", server.localNode(), "--portbase",
                    String.valueOf(base), "--checkports=false", "--deploymentgroup", GROUP, instance);
            HTTP_PORTS.put(instance, base + 80);
            Path data = WORK.resolve(instance);
            server.asadmin(Duration.ofMinutes(1), "create-system-properties", "--target", instance, escaped(Map.of(
                    "cluster.node-id", instance,
                    "cluster.node-url", "http://127.0.0.1:" + (base + 80),
                    "HZ_LISTENER_PORT", String.valueOf(base + 59),
                    "upload.spool-dir", data.resolve("spool").toString(),
                    "provider.local.dir", data.resolve("files").toString(),
                    "audit.upload-events-file", data.resolve("audit/upload-events.jsonl").toString(),
                    "audit.rollout-events-file", data.resolve("audit/rollout-events.jsonl").toString(),
                    "rollout.state-file", data.resolve("rollout-state.json").toString())));
        }
        server.asadmin(Duration.ofMinutes(5), "deploy", "--target", GROUP, System.getProperty("gateway.ear"));
        List<CompletableFuture<String>> starts = new ArrayList<>();
        for (String instance : INSTANCES) { // both at once, as start-deployment-group does, with the database's environment
            starts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return server.asadmin(Duration.ofMinutes(6), "start-local-instance", "--node", server.localNode(), instance);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (CompletableFuture<String> start : starts) {
            start.join();
        }
        for (String instance : INSTANCES) { // start-local-instance returns before the instance has loaded the EAR
            awaitWithin(Duration.ofMinutes(3), instance, r -> r.getJsonArray("nodes").size() == INSTANCES.size(),
                    "serving, with both instances in its view");
        }
    }

    @AfterAll
    static void stopTheGroup() {
        try {
            for (String instance : INSTANCES) {
                try {
                    server.asadmin(Duration.ofMinutes(2), "stop-local-instance", "--node", server.localNode(), "--kill=true",
                            instance);
                } catch (Exception e) {
                    // not started, or gone already: the domain's stop below still runs
                }
            }
        } finally {
            if (server != null) {
                server.close();
            }
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    @Test
    void theInstancesShareOneRolloutWithOneLeader() throws Exception {
        JsonObject first = instance("gateway-1").get("api/rollout").json();
        JsonObject second = instance("gateway-2").get("api/rollout").json();
        assertEquals("gateway-1", first.getString("node"));
        assertEquals("gateway-2", second.getString("node"));
        assertNotNull(first.getString("leader", null), first.toString());
        assertEquals(first.getString("leader"), second.getString("leader"), "one leader for the group");
        assertTrue(first.getJsonArray("nodes").getValuesAs(JsonObject.class).stream().allMatch(n -> n.getBoolean("alive")),
                first.toString());
        assertEquals(first.getInt("stage"), second.getInt("stage"));
    }

    @Test
    void anOperatorsPauseOnOneInstanceIsInForceOnTheOtherWithinTwoSeconds() throws Exception {
        int stage = instance("gateway-1").get("api/rollout").json().getInt("stage");
        assertEquals(200, operator("gateway-1", "pause", stage).status());
        try {
            awaitWithin(Duration.ofSeconds(2), "gateway-2", r -> r.getBoolean("paused"), "paused");
        } finally {
            assertEquals(200, operator("gateway-2", "resume", stage).status());
        }
        awaitWithin(Duration.ofSeconds(2), "gateway-1", r -> !r.getBoolean("paused"), "resumed");
    }

    @Test
    void anUploadTakenByOneInstanceIsTheSameRecordOnBoth() throws Exception {
        Path file = GatewayDeployment.randomFile("group.bin", 300_000, 91);
        GatewayClient.Answer answer = instance("gateway-2").upload(file, "group.bin", "application/octet-stream",
                Keys.forPath(true, 50), Map.of());
        assertEquals(201, answer.status(), answer.body());
        JsonObject record = answer.json();
        assertEquals("gateway-2", record.getString("node"));
        assertEquals(GatewayDeployment.sha256(file), record.getString("sha256"));
        assertTrue(emulator.bySha256(GatewayDeployment.sha256(file)).isPresent(), "the provider has the same bytes");
        assertEquals(record, instance("gateway-1").get("api/uploads/" + record.getString("id")).json(), "gateway-1 agrees");
    }

    private static GatewayClient instance(String name) throws Exception {
        return GatewayClient.at(URI.create("http://127.0.0.1:" + HTTP_PORTS.get(name) + "/").toURL());
    }

    private static GatewayClient.Answer operator(String name, String action, int stage) throws Exception {
        return instance(name).send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORTS.get(name)
                        + "/api/rollout/" + action + "?from=" + stage)).POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build());
    }

    private static void awaitWithin(Duration within, String name, Predicate<JsonObject> shows, String what) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Object last = null;
        do {
            try {
                GatewayClient.Answer answer = instance(name).get("api/rollout");
                last = answer.status() + " " + answer.body();
                if (answer.status() == 200 && shows.test(answer.json())) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                last = notYet; // not listening yet
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(name + " not " + what + " within " + within + ": " + last);
    }

    /** asadmin's name=value:name=value, with the colons inside values escaped. */
    private static String escaped(Map<String, String> properties) {
        List<String> pairs = new ArrayList<>();
        properties.forEach((k, v) -> pairs.add(k + "=" + v.replace(":", "\\:")));
        return String.join(":", pairs);
    }
}
