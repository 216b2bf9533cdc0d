package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.emulator.ProviderEmulator;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gateway as its own JVM, killed with SIGKILL while an accepted async upload is on its way to
 * the provider, then started again on the same data: the upload is resumed from its spool file and
 * delivered exactly once, byte-identical.
 */
class CrashRecoveryIT {

    @Test
    void deliversAnAcceptedUploadExactlyOnceAfterAKillDuringDelivery() throws Exception {
        try (ProviderEmulator emulator = ProviderEmulator.builder().kimiKey("crash-key").start()) {
            emulator.latency(Duration.ofSeconds(6));
            Map<String, String> config = Map.of("async.upload.enabled", "true", "async.upload.rollout", "100");
            try (MicroProcess micro = MicroProcess.start(List.of(
                    "-Dprovider.kimi.base-url=http://127.0.0.1:" + emulator.port(),
                    "-Dprovider.kimi.api-key=crash-key", "-Dupload.default-provider=kimi",
                    "-Dasync.upload.timeout=20"), config)) {
                assertTrue(micro.awaitReady(Duration.ofMinutes(3)), "gateway up");
                GatewayClient gateway = GatewayClient.at(micro.url());
                Path file = GatewayDeployment.randomFile("crash.bin", 8 * 1024 * 1024, 42);
                String sha256 = GatewayDeployment.sha256(file);

                var form = new dev.uploadgateway.testkit.MultipartForm().file("file", "crash.bin", file);
                GatewayClient.Answer accepted = gateway.send(HttpRequest.newBuilder(micro.url().toURI().resolve("api/uploads"))
                        .header("Content-Type", form.contentType()).header("Prefer", "respond-async")
                        .POST(form.publisher()).build());
                assertEquals(202, accepted.status(), accepted.body());
                String id = accepted.json().getString("id");
                assertTrue(accepted.header("Location").endsWith("/api/uploads/" + id));

                awaitProviderRequests(emulator, 1);
                micro.kill();
                assertEquals(0, emulator.countBySha256(sha256), "the killed attempt did not complete");

                micro.restart();
                assertTrue(micro.awaitReady(Duration.ofMinutes(3)), "gateway up again");
                JsonObject record = awaitState(gateway, id, "delivered");
                assertEquals(sha256, record.getString("sha256"));
                assertEquals(1, emulator.countBySha256(sha256), "delivered exactly once");
                assertEquals(8 * 1024 * 1024, emulator.bySha256(sha256).orElseThrow().bytes());
                assertEquals(record.getString("providerFileId"), emulator.bySha256(sha256).orElseThrow().id());
            }
        }
    }

    @Test
    void keepsTheRolloutStateAcrossARestart() throws Exception {
        Map<String, String> config = Map.of("async.upload.enabled", "true", "async.upload.rollout", "10");
        try (MicroProcess micro = MicroProcess.start(List.of("-Drollout.admin.password=restart-secret"), config)) {
            assertTrue(micro.awaitReady(Duration.ofMinutes(3)), "gateway up");
            GatewayClient gateway = GatewayClient.at(micro.url());
            GatewayClient.Answer paused = gateway.send(HttpRequest.newBuilder(micro.url().toURI().resolve("api/rollout/pause"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            "admin:restart-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, paused.status(), paused.body());
            JsonObject before = gateway.get("api/rollout").json();

            micro.kill();
            micro.restart();
            assertTrue(micro.awaitReady(Duration.ofMinutes(3)), "gateway up again");
            JsonObject after = gateway.get("api/rollout").json();
            assertTrue(after.getBoolean("paused"), after.toString());
            assertEquals(before.getInt("stage"), after.getInt("stage"));
            assertEquals(10.0, after.getJsonNumber("percent").doubleValue());
            assertEquals(before.getString("stageStartedAt"), after.getString("stageStartedAt"), "the stage clock kept");
        }
    }

    private static void awaitProviderRequests(ProviderEmulator emulator, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (emulator.requestCount() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(emulator.requestCount() >= n, "the upload reached the provider");
    }

    static JsonObject awaitState(GatewayClient gateway, String id, String state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            GatewayClient.Answer answer = gateway.get("api/uploads/" + id);
            assertEquals(200, answer.status(), answer.body());
            last = answer.json();
            if (state.equals(last.getString("state"))) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("upload " + id + " did not become " + state + "; last " + last);
    }
}
