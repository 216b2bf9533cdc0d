package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The async path's fault tolerance against a misbehaving provider, and the rollout moving at run
 * time. The gateway runs with {@code async.upload.timeout=3}, {@code max-retries=2} and a 100 ms
 * retry delay (src/test/micro/gateway-it.properties).
 */
class FaultToleranceIT extends GatewayIT {

    private GatewayClient.Answer uploadAsync(Path file) throws Exception {
        return gateway.upload(file, file.getFileName().toString(), "application/octet-stream",
                Keys.forPath(true, 50), Map.of("provider", "kimi"));
    }

    @Test
    void retriesTwoServerErrorsAndSucceedsOnTheThirdAttempt() throws Exception {
        Path file = GatewayDeployment.randomFile("retry.bin", 2 * 1024 * 1024, 11);
        emulator.failNext(2, 500);
        GatewayClient.Answer answer = uploadAsync(file);
        assertEquals(201, answer.status(), answer.body());
        JsonObject upload = answer.json();
        assertEquals("async", upload.getString("path"));
        assertEquals(3, upload.getInt("attempts"));
        assertEquals(3, emulator.requestCount());
        assertEquals(1, emulator.countBySha256(GatewayDeployment.sha256(file)));
    }

    @Test
    void retriesTooManyRequests() throws Exception {
        Path file = GatewayDeployment.randomFile("busy.bin", 512 * 1024, 12);
        emulator.failNext(1, 429);
        GatewayClient.Answer answer = uploadAsync(file);
        assertEquals(201, answer.status(), answer.body());
        assertEquals(2, answer.json().getInt("attempts"));
    }

    @Test
    void doesNotRetryARefusalAndAnswersBadGatewayWithTheProvidersMessage() throws Exception {
        Path file = GatewayDeployment.randomFile("refused.bin", 512 * 1024, 13);
        emulator.failNext(1, 400);
        GatewayClient.Answer answer = uploadAsync(file);
        assertEquals(502, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        JsonObject problem = answer.json();
        assertTrue(problem.getString("type").endsWith("/provider-rejected"), problem.toString());
        assertTrue(problem.getString("detail").contains("400"), problem.toString());
        assertEquals(1, emulator.requestCount(), "a 4xx is never retried, nor sent again by the fallback");
        assertEquals(0, emulator.countBySha256(GatewayDeployment.sha256(file)));
    }

    @Test
    void fallsBackToSyncWhenEveryAsyncAttemptTimesOut() throws Exception {
        Path file = GatewayDeployment.randomFile("slow.bin", 1024 * 1024, 14);
        emulator.hangNext(4, Duration.ofSeconds(8));
        GatewayClient.Answer answer = uploadAsync(file);
        assertEquals(201, answer.status(), answer.body());
        JsonObject upload = answer.json();
        assertEquals("sync_fallback", upload.getString("path"));
        assertEquals(5, upload.getInt("attempts"),
                "the forwarded attempt and three from the spool timed out, then the sync one");
        awaitAbortedAttempts(4);
        assertEquals(1, emulator.countBySha256(GatewayDeployment.sha256(file)),
                "timed-out attempts were aborted, so the provider holds the file once");
    }

    @Test
    void answersGatewayTimeoutWhenFallbackIsOff() throws Exception {
        ConfigDir.set("async.upload.fallback", "false");
        gateway.awaitRollout(r -> !r.getBoolean("fallback"), "fallback off");
        Path file = GatewayDeployment.randomFile("slow-nofallback.bin", 1024 * 1024, 15);
        emulator.hangNext(4, Duration.ofSeconds(8));
        GatewayClient.Answer answer = uploadAsync(file);
        assertEquals(504, answer.status(), answer.body());
        assertTrue(answer.json().getString("type").endsWith("/provider-timeout"), answer.body());
        awaitAbortedAttempts(4);
        assertEquals(0, emulator.countBySha256(GatewayDeployment.sha256(file)));
    }

    @Test
    void takesARolloutChangedAtRunTimeWithoutRedeploy() throws Exception {
        Path file = GatewayDeployment.randomFile("moving.bin", 256 * 1024, 16);
        String key = Keys.movingBetween(10, 60);
        ConfigDir.set("async.upload.rollout", "10");
        gateway.awaitRollout(r -> r.getJsonNumber("percent").doubleValue() == 10, "rollout 10 %");
        GatewayClient.Answer before = gateway.upload(file, "moving.bin", "application/octet-stream", key, Map.of());
        assertEquals("sync", before.json().getString("path"));

        ConfigDir.set("async.upload.rollout", "60");
        gateway.awaitRollout(r -> r.getJsonNumber("percent").doubleValue() == 60, "rollout 60 %");
        GatewayClient.Answer after = gateway.upload(file, "moving.bin", "application/octet-stream", key, Map.of());
        assertEquals("async", after.json().getString("path"));

        ConfigDir.set("async.upload.enabled", "false");
        gateway.awaitRollout(r -> !r.getBoolean("asyncEnabled"), "async switched off");
        GatewayClient.Answer off = gateway.upload(file, "moving.bin", "application/octet-stream", key, Map.of());
        assertEquals("sync", off.json().getString("path"));
    }

    @Test
    void retriesAConnectionResetMidBody() throws Exception {
        Path file = GatewayDeployment.randomFile("reset.bin", 1024 * 1024, 17);
        emulator.resetNext(1);
        GatewayClient.Answer answer = uploadAsync(file);
        assertEquals(201, answer.status(), answer.body());
        assertEquals(2, answer.json().getInt("attempts"));
        assertEquals(1, emulator.countBySha256(GatewayDeployment.sha256(file)));
    }

    @Test
    void doesNotRetryAnAnswerThatIsNotAFileObject() throws Exception {
        Path file = GatewayDeployment.randomFile("garbage.bin", 64 * 1024, 18);
        emulator.garbageNext(1);
        GatewayClient.Answer answer = uploadAsync(file);
        assertEquals(502, answer.status(), answer.body());
        assertTrue(answer.json().getString("type").endsWith("/provider-rejected"), answer.body());
        assertEquals(1, emulator.requestCount(), "not retried: the provider may have stored it");
    }

    @Test
    void answersBadGatewayWhenTheProviderIsDownAfterRetriesAndFallback() throws Exception {
        Path file = GatewayDeployment.randomFile("down.bin", 64 * 1024, 19);
        emulator.down();
        try {
            GatewayClient.Answer answer = uploadAsync(file);
            assertEquals(502, answer.status(), answer.body());
            assertTrue(answer.json().getString("type").endsWith("/provider-unavailable"), answer.body());
            String id = gateway.get("api/uploads?limit=1").jsonStructure().asJsonArray().getJsonObject(0).getString("id");
            JsonObject record = gateway.get("api/uploads/" + id).json();
            assertEquals("failed", record.getString("state"));
            assertEquals("sync_fallback", record.getString("path"),
                    "the forwarded attempt, three from the spool, then the sync fallback");
            assertEquals(5, record.getInt("attempts"));
        } finally {
            emulator.up();
        }
    }

    /** The emulator notices an aborted exchange only when its delayed answer fails to write. */
    private static void awaitAbortedAttempts(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (emulator.abortedResponses() < n && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(n, emulator.abortedResponses(), "every timed-out attempt's exchange was aborted");
    }
}
