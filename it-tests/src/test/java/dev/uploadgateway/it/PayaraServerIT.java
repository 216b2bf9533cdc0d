package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.emulator.ProviderEmulator;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The EAR on Payara Server (the distribution Maven unpacks into target/): both paths, Fault
 * Tolerance in the EAR's EJB module, a rollout changed with asadmin while it runs, and the remote
 * EJB view called from a client in its own JVM over IIOP. One domain for the class, configured
 * before deployment the way README's Payara Server section tells an operator to. On its embedded H2;
 * PostgreSQL on Payara Server is PayaraDeploymentGroupIT's.
 */
@EnabledIfSystemProperty(named = "payara.server.home", matches = ".+")
class PayaraServerIT {

    private static final Path WORK = Path.of(System.getProperty("payara.server.work"));
    private static final int REMOTE_MAX_BYTES = 1024 * 1024;

    private static ProviderEmulator emulator;
    private static PayaraServer server;
    private static GatewayClient gateway;

    @BeforeAll
    static void deployTheEar() throws Exception {
        emulator = ProviderEmulator.builder().kimiKey(GatewayDeployment.KIMI_KEY).glmKey(GatewayDeployment.GLM_KEY).start();
        server = PayaraServer.create(Path.of(System.getProperty("payara.server.home")), WORK.resolve("domains"));
        Path commands = Path.of(System.getProperty("payara.server.commands"));
        server.start();
        // the operator's one step before the command file: the database password as an alias
        Path aliasPassword = WORK.resolve("alias-password.txt");
        Files.writeString(aliasPassword, "AS_ADMIN_ALIASPASSWORD=it-db-" + UUID.randomUUID() + "\n");
        server.asadmin(Duration.ofMinutes(1), "--passwordfile=" + aliasPassword, "create-password-alias",
                "upload-gateway-db-password");
        server.runCommandFile(commands);
        server.runCommandFile(gatewaySettings());
        server.setConfigProperty("async.upload.rollout", "50");
        server.deploy(Path.of(System.getProperty("gateway.ear")));
        gateway = GatewayClient.at(URI.create("http://127.0.0.1:" + server.httpPort() + "/").toURL());
    }

    @AfterAll
    static void stopTheDomain() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    @BeforeEach
    void calmProvider() {
        emulator.reset();
    }

    @Test
    void deliversByteIdenticalFilesOnBothPaths() throws Exception {
        rollout(50);
        for (boolean async : new boolean[]{false, true}) {
            Path file = GatewayDeployment.randomFile("server-" + async + ".bin", 300_000, async ? 31 : 32);
            GatewayClient.Answer answer = gateway.upload(file, file.getFileName().toString(), "application/octet-stream",
                    Keys.forPath(async, 50), Map.of("provider", "kimi"));
            assertEquals(201, answer.status(), answer.body());
            assertEquals(async ? "async" : "sync", answer.json().getString("path"));
            assertTrue(emulator.bySha256(GatewayDeployment.sha256(file)).isPresent(), "the provider has the same bytes");
        }
    }

    /** Guards the Payara Server quirk: without an FT-annotated bean in the WAR, this gets one attempt. */
    @Test
    void retriesTwoServerErrorsOnTheAsyncPath() throws Exception {
        rollout(50);
        Path file = GatewayDeployment.randomFile("server-retry.bin", 200_000, 33);
        emulator.failNext(2, 500);
        GatewayClient.Answer answer = gateway.upload(file, "server-retry.bin", "application/octet-stream",
                Keys.forPath(true, 50), Map.of("provider", "kimi"));
        assertEquals(201, answer.status(), answer.body());
        assertEquals("async", answer.json().getString("path"));
        assertEquals(3, answer.json().getInt("attempts"), answer.body());
        assertEquals(3, emulator.requestCount());
    }

    @Test
    void takesARolloutChangedWithAsadminWithoutRedeploy() throws Exception {
        Path file = GatewayDeployment.randomFile("server-moving.bin", 100_000, 34);
        String key = Keys.movingBetween(10, 100);
        rollout(10);
        assertEquals("sync", gateway.upload(file, "server-moving.bin", "application/octet-stream", key, Map.of())
                .json().getString("path"));
        rollout(100);
        assertEquals("async", gateway.upload(file, "server-moving.bin", "application/octet-stream", key, Map.of())
                .json().getString("path"));
    }

    @Test
    void remoteClientInItsOwnJvmUploadsAndReadsTheStatus() throws Exception {
        rollout(50);
        Path file = GatewayDeployment.randomFile("server-remote.bin", 200_000, 35);
        String sha256 = GatewayDeployment.sha256(file);
        String output = runRemoteClient(file.toString(), Keys.forPath(true, 50), "kimi", String.valueOf(REMOTE_MAX_BYTES + 1));
        assertTrue(output.contains("rollout asyncEnabled=true percent=50.0"), output);
        assertTrue(output.contains(" path=async state=delivered attempts=1"), output);
        assertTrue(output.contains(" state=delivered sha256=" + sha256 + " bytes=200000 provider=kimi"), output);
        assertTrue(output.contains("refused status=413 type=upload-too-large"), output);
        assertTrue(output.contains("unknown status=404 type=upload-not-found"), output);
        assertTrue(emulator.bySha256(sha256).isPresent(), "the provider has the remote caller's bytes");
    }

    @Test
    void reportsReadyWithTheWebModulesRolloutCheck() throws Exception {
        JsonObject ready = gateway.get("health/ready").json();
        assertEquals("UP", ready.getString("status"), ready.toString());
        assertTrue(ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .anyMatch(c -> c.getString("name").equals("upload-gateway-rollout")), ready.toString());
    }

    /** Sets the rollout in the domain's config source and waits until the gateway decides by it. */
    private static void rollout(int percent) throws Exception {
        server.setConfigProperty("async.upload.rollout", String.valueOf(percent));
        gateway.awaitRollout(r -> r.getBoolean("asyncEnabled") && r.getJsonNumber("percent").doubleValue() == percent,
                "async.upload.rollout=" + percent + " set with asadmin");
    }

    /**
     * The test's settings as system properties (ordinal 400), created before deployment; never the
     * rollout, which the tests change in the domain source (110) and a system property would mask.
     * asadmin takes ':' as the separator of create-system-properties, so colons in values are escaped.
     */
    private static Path gatewaySettings() throws Exception {
        Path data = WORK.resolve("gateway-data");
        PayaraServer.deleteTree(data); // the rollout state file would carry a previous run's position
        Map<String, String> settings = Map.ofEntries(
                Map.entry("provider.kimi.base-url", emulator.baseUri().toString()),
                Map.entry("provider.glm.base-url", emulator.baseUri().toString()),
                Map.entry("provider.kimi.api-key", GatewayDeployment.KIMI_KEY),
                Map.entry("provider.glm.api-key", GatewayDeployment.GLM_KEY),
                Map.entry("async.upload.enabled", "true"),
                // these tests upload without a key, as a deployment may allow explicitly
                Map.entry("auth.anonymous-uploads", "true"),
                Map.entry("async.upload.retry-delay-ms", "100"),
                Map.entry("async.upload.retry-jitter-ms", "50"),
                Map.entry("upload.spool-dir", data.resolve("spool").toString()),
                Map.entry("provider.local.dir", data.resolve("files").toString()),
                Map.entry("audit.upload-events-file", data.resolve("audit/upload-events.jsonl").toString()),
                Map.entry("audit.rollout-events-file", data.resolve("audit/rollout-events.jsonl").toString()),
                Map.entry("rollout.state-file", data.resolve("rollout-state.json").toString()),
                Map.entry("remote.upload.max-bytes", String.valueOf(REMOTE_MAX_BYTES)),
                // a full server's heap moves with deployments; these tests are not about the heap trigger
                Map.entry("rollout.trigger.heap-spike-min-bytes", String.valueOf(1L << 40)));
        StringBuilder commands = new StringBuilder();
        settings.forEach((key, value) -> commands.append("create-system-properties ").append(key).append('=')
                .append(value.replace(":", "\\\\:")).append('\n'));
        Path file = WORK.resolve("gateway-settings.asadmin");
        Files.writeString(file, commands, StandardCharsets.UTF_8);
        return file;
    }

    /** The integrator's classpath: gf-client.jar, the gateway's client jar, the client class. No Jakarta API jar. */
    private static String runRemoteClient(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/java.io=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.management/javax.management=ALL-UNNAMED",
                "--add-opens", "java.management/javax.management.openmbean=ALL-UNNAMED",
                "-Dorg.omg.CORBA.ORBInitialHost=127.0.0.1", "-Dorg.omg.CORBA.ORBInitialPort=" + server.iiopPort(),
                "-cp", String.join(File.pathSeparator,
                        server.home().resolve("glassfish/lib/gf-client.jar").toString(),
                        System.getProperty("remote.client.jar"), System.getProperty("remote.client.classes")),
                RemoteUploadClient.class.getName()));
        command.addAll(List.of(args));
        Path log = WORK.resolve("remote-client.log");
        Process client = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = client.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            client.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "the remote client ended within 2 minutes:\n" + output);
        assertEquals(0, client.exitValue(), output);
        return output;
    }
}
