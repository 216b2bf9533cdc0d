package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.emulator.ProviderEmulator;
import dev.uploadgateway.it.OtlpReceiver.ReceivedSpan;
import dev.uploadgateway.testkit.MultipartForm;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace per upload, with telemetry on as README says to switch it on: the gateway as its own JVM
 * ({@code -Dotel.sdk.disabled=false}; the packaged default is off), exporting OTLP/HTTP to a receiver
 * on loopback, in front of the provider emulator. The receiver gets each upload's span tree: the
 * JAX-RS server span, its intake and its attempts (one retried after a 503 with Retry-After), the
 * fallback with its sync attempt, and the recovery of an upload resumed after a SIGKILL under the span
 * that received it; the emulator saw each attempt's span as the parent in its {@code traceparent};
 * the record, the CSV and the problem bodies carry the trace id. One process for the class (the
 * recovery test restarts it), about 35 s.
 */
class TraceIT {

    private static final Duration EXPORTED = Duration.ofSeconds(20);

    private static OtlpReceiver receiver;
    private static ProviderEmulator emulator;
    private static MicroProcess micro;

    @BeforeAll
    static void start() throws Exception {
        receiver = OtlpReceiver.start();
        emulator = ProviderEmulator.builder().kimiKey("trace-key").start();
        micro = MicroProcess.start(List.of(
                "-Dprovider.kimi.base-url=http://127.0.0.1:" + emulator.port(), "-Dprovider.kimi.api-key=trace-key",
                "-Dupload.default-provider=kimi", "-Dauth.anonymous-uploads=true", "-Dfiles-api.keys=trace-files-key",
                "-Dasync.upload.retry-delay-ms=100", "-Dasync.upload.retry-jitter-ms=0", "-Dasync.upload.timeout=20",
                "-Dotel.sdk.disabled=false", "-Dotel.exporter.otlp.protocol=http/protobuf",
                "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(), "-Dotel.bsp.schedule.delay=100"),
                Map.of("async.upload.enabled", "true", "async.upload.rollout", "100"));
        assertTrue(micro.awaitReady(Duration.ofMinutes(3)), "gateway up");
    }

    @AfterAll
    static void stop() {
        // each closed even when another fails to close
        try (OtlpReceiver r = receiver; ProviderEmulator e = emulator; MicroProcess m = micro) {
            assertNotNull(m, "started");
        }
    }

    @Test
    void anUploadRetriedAfterA503IsOneTraceThatTheProviderAndTheRecordCarry() throws Exception {
        GatewayClient gateway = GatewayClient.at(micro.url());
        Path file = GatewayDeployment.randomFile("traced.bin", 512 * 1024, 71);
        String sha256 = GatewayDeployment.sha256(file);
        emulator.reset();
        emulator.failNext(1, 503, Duration.ofSeconds(1));

        GatewayClient.Answer answer = gateway.upload(file, "traced.bin", "application/octet-stream", "trace-key-1", Map.of());
        assertEquals(201, answer.status(), answer.body());
        JsonObject record = answer.json();
        String id = record.getString("id");
        assertEquals(2, record.getInt("attempts"), record.toString());

        Predicate<ReceivedSpan> intakeOfFile = s -> s.name().equals("intake") && sha256.equals(s.attribute("upload.sha256"));
        List<ReceivedSpan> spans = receiver.await(has(attemptOf(id, 1), attemptOf(id, 2)).and(parentOfAny(intakeOfFile)),
                EXPORTED);
        ReceivedSpan intake = one(spans, intakeOfFile);
        String traceId = intake.traceId();
        ReceivedSpan request = one(spans, s -> s.spanId().equals(intake.parentSpanId()));
        assertEquals("SPAN_KIND_SERVER", request.kind(), "Payara's JAX-RS span: " + request);
        assertEquals("", request.parentSpanId(), "the server span is the trace's root: " + request);
        assertEquals("upload-gateway", request.resource().get("service.name"));
        assertEquals(Files.size(file), intake.attribute("upload.bytes"));

        ReceivedSpan first = one(spans, attemptOf(id, 1));
        ReceivedSpan second = one(spans, attemptOf(id, 2));
        for (ReceivedSpan attempt : List.of(first, second)) {
            assertEquals(traceId, attempt.traceId(), "one trace: " + attempt);
            assertEquals(request.spanId(), attempt.parentSpanId(), "each attempt is the request's child: " + attempt);
            assertEquals("kimi", attempt.attribute("upload.provider"));
        }
        assertEquals(0L, first.attribute("upload.retry"));
        assertEquals(503L, first.attribute("http.response.status_code"));
        assertEquals(1L, first.attribute("upload.retry_after_seconds"));
        assertEquals(1L, second.attribute("upload.retry"));
        assertEquals(200L, second.attribute("http.response.status_code"));
        assertEquals(null, second.attribute("upload.retry_after_seconds"));
        assertEquals(List.of(), spans.stream().filter(s -> id.equals(s.attribute("upload.id")))
                .filter(s -> !s.traceId().equals(traceId)).toList(), "no span of the upload outside its trace");
        assertEquals(java.util.stream.Stream.of(request.name(), "attempt", "attempt", "intake").sorted().toList(), spans.stream()
                .filter(s -> s.traceId().equals(traceId)).map(ReceivedSpan::name).sorted().toList(),
                "the whole trace: the request, its intake and two attempts");

        // the provider saw each attempt as the parent of its request, in the upload's trace
        assertEquals(List.of("00-" + traceId + "-" + first.spanId() + "-01", "00-" + traceId + "-" + second.spanId() + "-01"),
                emulator.uploadTraceparents());
        assertEquals("00-" + traceId + "-" + second.spanId() + "-01", emulator.bySha256(sha256).orElseThrow().traceparent());

        // the record names the trace, and the trace finds the record
        assertEquals(traceId, record.getString("traceId"));
        assertEquals(traceId, gateway.get("api/uploads/" + id).json().getString("traceId"));
        JsonArray inTrace = gateway.get("api/uploads?traceId=" + traceId).jsonStructure().asJsonArray();
        assertEquals(1, inTrace.size(), inTrace.toString());
        assertEquals(id, inTrace.getJsonObject(0).getString("id"));
        String csv = gateway.get("api/uploads.csv").body();
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",trace_id"), csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith(id + ",") && l.endsWith("," + traceId)), csv);

        // problem bodies name their request's trace
        MultipartForm unknownProvider = new MultipartForm().field("provider", "nope")
                .file("file", "traced.bin", "application/octet-stream", file);
        GatewayClient.Answer refused = gateway.post("api/uploads", unknownProvider, "trace-key-2");
        assertEquals(400, refused.status(), refused.body());
        assertEquals("application/problem+json", refused.header("Content-Type"));
        String problemTrace = refused.json().getString("traceId");
        assertTrue(problemTrace.matches("[0-9a-f]{32}") && !problemTrace.equals(traceId), refused.body());
        GatewayClient.Answer notFound = gateway.send(HttpRequest.newBuilder(micro.url().toURI().resolve("v1/files/file-nope"))
                .header("Authorization", "Bearer trace-files-key").GET().build());
        assertEquals(404, notFound.status(), notFound.body());
        String openAiTrace = notFound.json().getJsonObject("error").getString("traceId");
        assertTrue(openAiTrace.matches("[0-9a-f]{32}"), notFound.body());
        List<ReceivedSpan> later = receiver.await(has(serverIn(problemTrace), serverIn(openAiTrace)), EXPORTED);
        one(later, serverIn(problemTrace));
        one(later, serverIn(openAiTrace));
    }

    /**
     * An upload whose async attempts all fail (the forwarded one and the three Fault Tolerance makes
     * with async.upload.max-retries=2) ends in the fallback, in the same trace: a fallback span under
     * the request, and the sync path's attempt under the fallback.
     */
    @Test
    void theFallbackAndItsSyncAttemptAreInTheUploadsTrace() throws Exception {
        emulator.reset();
        emulator.failNext(4, 503);
        GatewayClient gateway = GatewayClient.at(micro.url());
        Path file = GatewayDeployment.randomFile("fallback.bin", 64 * 1024, 73);

        GatewayClient.Answer answer = gateway.upload(file, "fallback.bin", "application/octet-stream", "trace-key-3", Map.of());
        assertEquals(201, answer.status(), answer.body());
        JsonObject record = answer.json();
        assertEquals("sync_fallback", record.getString("path"), record.toString());
        String id = record.getString("id");
        String traceId = record.getString("traceId");

        Predicate<ReceivedSpan> fallbackOf = s -> s.name().equals("fallback") && id.equals(s.attribute("upload.id"));
        List<ReceivedSpan> spans = receiver.await(has(fallbackOf, attemptOf(id, 5), serverIn(traceId)), EXPORTED);
        ReceivedSpan request = one(spans, serverIn(traceId));
        ReceivedSpan fallback = one(spans, fallbackOf);
        ReceivedSpan sync = one(spans, attemptOf(id, 5));
        assertEquals(request.spanId(), fallback.parentSpanId(), "the fallback is the request's child: " + fallback);
        assertEquals(4L, fallback.attribute("upload.earlier_attempts"));
        assertEquals("provider-unavailable", fallback.attribute("upload.failure_class"));
        assertEquals(fallback.spanId(), sync.parentSpanId(), "the sync attempt is the fallback's child: " + sync);
        assertEquals("sync_fallback", sync.attribute("upload.path"));
        assertEquals(200L, sync.attribute("http.response.status_code"));
        for (long n = 1; n <= 4; n++) {
            ReceivedSpan failed = one(spans, attemptOf(id, n));
            assertEquals(request.spanId(), failed.parentSpanId());
            assertEquals(503L, failed.attribute("http.response.status_code"));
        }
        assertEquals(5, emulator.uploadTraceparents().stream().filter(t -> t.contains(traceId)).count(),
                "every request to the provider in the upload's trace");
    }

    /**
     * An accepted upload whose delivery a SIGKILL cut short is resumed after the restart in the trace
     * it was received in: the recovery span is the original request span's child, the attempt after
     * the restart the recovery's, and the provider sees that attempt in its traceparent.
     */
    @Test
    void anUploadResumedAfterAKillJoinsTheTraceItWasReceivedIn() throws Exception {
        emulator.reset();
        // longer than the restart, so the killed attempt's answer can never be what the restart finds
        emulator.latency(Duration.ofSeconds(30));
        GatewayClient gateway = GatewayClient.at(micro.url());
        Path file = GatewayDeployment.randomFile("resumed.bin", 256 * 1024, 72);
        String sha256 = GatewayDeployment.sha256(file);
        MultipartForm form = new MultipartForm().file("file", "resumed.bin", "application/octet-stream", file);
        GatewayClient.Answer accepted = gateway.send(HttpRequest.newBuilder(micro.url().toURI().resolve("api/uploads"))
                .header("Content-Type", form.contentType()).header("Prefer", "respond-async").POST(form.publisher()).build());
        assertEquals(202, accepted.status(), accepted.body());
        String id = accepted.json().getString("id");
        String traceId = accepted.json().getString("traceId");
        List<ReceivedSpan> before = receiver.await(has(serverIn(traceId)), EXPORTED);
        ReceivedSpan request = one(before, serverIn(traceId));
        awaitProviderRequests(1);

        micro.kill();
        emulator.latency(Duration.ZERO);
        micro.restart();
        assertTrue(micro.awaitReady(Duration.ofMinutes(3)), "gateway up again");
        JsonObject record = CrashRecoveryIT.awaitState(gateway, id, "delivered");
        assertEquals(traceId, record.getString("traceId"), "the record keeps the trace it was received in");
        assertEquals(sha256, record.getString("sha256"));

        Predicate<ReceivedSpan> recoveryOf = s -> s.name().equals("recovery") && id.equals(s.attribute("upload.id"));
        List<ReceivedSpan> spans = receiver.await(has(recoveryOf, attemptOf(id, 2)), EXPORTED);
        ReceivedSpan recovery = one(spans, recoveryOf);
        ReceivedSpan attempt = one(spans, attemptOf(id, 2));
        assertEquals(traceId, recovery.traceId(), "the recovery joins the upload's trace: " + recovery);
        assertEquals(request.spanId(), recovery.parentSpanId(), "under the request that received the upload");
        assertEquals(1L, recovery.attribute("upload.earlier_attempts"));
        assertEquals(traceId, attempt.traceId());
        assertEquals(recovery.spanId(), attempt.parentSpanId(), "the attempt after the restart is the recovery's child");
        assertEquals(200L, attempt.attribute("http.response.status_code"));
        List<String> traceparents = emulator.uploadTraceparents();
        assertEquals("00-" + traceId + "-" + attempt.spanId() + "-01", traceparents.get(traceparents.size() - 1));
    }

    private static void awaitProviderRequests(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (emulator.requestCount() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(emulator.requestCount() >= n, "the upload reached the provider");
    }

    private static Predicate<ReceivedSpan> attemptOf(String uploadId, long number) {
        return s -> s.name().equals("attempt") && uploadId.equals(s.attribute("upload.id"))
                && Long.valueOf(number).equals(s.attribute("upload.attempt"));
    }

    private static Predicate<ReceivedSpan> serverIn(String traceId) {
        return s -> s.kind().equals("SPAN_KIND_SERVER") && s.traceId().equals(traceId);
    }

    /** Every one of {@code wanted} matches a span received so far. */
    @SafeVarargs
    private static Predicate<List<ReceivedSpan>> has(Predicate<ReceivedSpan>... wanted) {
        return spans -> java.util.Arrays.stream(wanted).allMatch(w -> spans.stream().anyMatch(w));
    }

    /** A span matching {@code child} was received, and so was its parent. */
    private static Predicate<List<ReceivedSpan>> parentOfAny(Predicate<ReceivedSpan> child) {
        return spans -> spans.stream().filter(child)
                .anyMatch(c -> spans.stream().anyMatch(s -> s.spanId().equals(c.parentSpanId())));
    }

    private static ReceivedSpan one(List<ReceivedSpan> spans, Predicate<ReceivedSpan> which) {
        List<ReceivedSpan> found = spans.stream().filter(which).toList();
        assertEquals(1, found.size(), "exactly one such span among " + spans);
        return found.get(0);
    }
}
