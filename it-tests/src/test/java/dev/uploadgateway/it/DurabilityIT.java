package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.testkit.MultipartForm;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Acceptance that a caller can rely on: early acknowledgement, idempotent retries, a provider's
 * Retry-After honoured, and a full gateway refusing at once instead of queueing without bound.
 * The gateway runs with {@code upload.async.max-in-flight=8} (src/test/micro/gateway-it.properties).
 */
class DurabilityIT extends GatewayIT {

    private GatewayClient.Answer post(Path file, Map<String, String> headers) throws Exception {
        MultipartForm form = new MultipartForm().field("provider", "kimi").file("file", file.getFileName().toString(), file);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("api/uploads"))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", form.contentType()).POST(form.publisher());
        headers.forEach(request::header);
        return gateway.send(request.build());
    }


    @Test
    void acknowledgesWithAcceptedWhenAskedAndDeliversInTheBackground() throws Exception {
        emulator.latency(Duration.ofSeconds(2));
        Path file = GatewayDeployment.randomFile("later.bin", 2 * 1024 * 1024, 21);
        GatewayClient.Answer accepted = post(file, Map.of("Prefer", "respond-async", "X-Request-Id", Keys.forPath(true, 50)));
        assertEquals(202, accepted.status(), accepted.body());
        assertEquals("respond-async", accepted.header("Preference-Applied"));
        JsonObject record = accepted.json();
        assertTrue(List.of("received", "uploading").contains(record.getString("state")), record.toString());
        String id = record.getString("id");
        assertTrue(accepted.header("Location").endsWith("/api/uploads/" + id));
        JsonObject delivered = CrashRecoveryIT.awaitState(gateway, id, "delivered");
        assertEquals(GatewayDeployment.sha256(file), delivered.getString("sha256"));
        assertEquals(1, emulator.countBySha256(GatewayDeployment.sha256(file)));
    }

    @Test
    void answersARepeatedIdempotencyKeyWithTheFirstResultAndUploadsOnce() throws Exception {
        Path file = GatewayDeployment.randomFile("once.bin", 1024 * 1024, 22);
        String key = "idem-" + java.util.UUID.randomUUID();
        GatewayClient.Answer first = post(file, Map.of("Idempotency-Key", key));
        assertEquals(201, first.status(), first.body());
        GatewayClient.Answer again = post(file, Map.of("Idempotency-Key", key));
        assertEquals(200, again.status(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.json().getString("id"), again.json().getString("id"));
        assertEquals(1, emulator.countBySha256(GatewayDeployment.sha256(file)));

        Path other = GatewayDeployment.randomFile("other.bin", 1024 * 1024, 23);
        GatewayClient.Answer conflict = post(other, Map.of("Idempotency-Key", key));
        assertEquals(409, conflict.status(), conflict.body());
        assertTrue(conflict.json().getString("type").endsWith("/idempotency-key-reused"));
        assertEquals(0, emulator.countBySha256(GatewayDeployment.sha256(other)));
    }

    @Test
    void waitsOutTheProvidersRetryAfter() throws Exception {
        Path file = GatewayDeployment.randomFile("patient.bin", 256 * 1024, 24);
        emulator.failNext(1, 429, Duration.ofSeconds(2));
        GatewayClient.Answer answer = post(file, Map.of("X-Request-Id", Keys.forPath(true, 50)));
        assertEquals(201, answer.status(), answer.body());
        JsonObject upload = answer.json();
        assertEquals(2, upload.getInt("attempts"));
        assertTrue(upload.getJsonNumber("durationMs").longValue() >= 2000,
                "the second attempt waited for Retry-After: " + upload.getJsonNumber("durationMs"));
    }

    /** The tests' gateway waits 0 s for a place (upload.async.admission-wait-seconds=0 in gateway-it.properties). */
    @Test
    void refusesAtOnceWithRetryAfterWhenTheAsyncPathIsFull() throws Exception {
        // below the tests' async.upload.timeout of 3 s: this is about admission, not timeouts
        emulator.latency(Duration.ofSeconds(2));
        Path file = GatewayDeployment.randomFile("crowd.bin", 64 * 1024, 25);
        ExecutorService clients = Executors.newFixedThreadPool(24);
        try {
            List<Future<GatewayClient.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                answers.add(clients.submit(() -> post(file, Map.of("X-Request-Id", Keys.forPath(true, 50)))));
            }
            int created = 0;
            int busy = 0;
            for (Future<GatewayClient.Answer> f : answers) {
                GatewayClient.Answer a = f.get();
                if (a.status() == 201) {
                    created++;
                } else {
                    assertEquals(503, a.status(), a.body());
                    assertEquals("5", a.header("Retry-After"));
                    assertTrue(a.json().getString("type").endsWith("/gateway-busy"));
                    busy++;
                }
            }
            assertTrue(created >= 8, "at least the admitted uploads succeed: " + created);
            assertTrue(busy > 0, "some were refused");
            assertEquals(created, emulator.countBySha256(GatewayDeployment.sha256(file)), "every success arrived");
            GatewayClient.Answer ready = gateway.get("health/ready");
            assertEquals(200, ready.status(), ready.body());
            assertEquals("UP", ready.json().getString("status"), ready.body());
        } finally {
            clients.shutdownNow();
        }
    }
}
