package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.emulator.ProviderEmulator;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The gateway as its own JVM, killed with SIGKILL while an accepted async upload is on its way to
 * the provider, then started again on the same data: the upload is resumed from its spool file and
 * delivered exactly once, byte-identical; an upload whose spool came back short is failed, not sent;
 * a tus upload resumes from the offset acknowledged before the kill.
 */
class CrashRecoveryIT {

    @Test
    @Tag("h2-only") // on PostgreSQL, ClusterIT's killed node's acknowledged uploads are delivered once from the same records
    void deliversAnAcceptedUploadExactlyOnceAfterAKillDuringDelivery() throws Exception {
        try (ProviderEmulator emulator = ProviderEmulator.builder().kimiKey("crash-key").start()) {
            emulator.latency(Duration.ofSeconds(6));
            Map<String, String> config = Map.of("async.upload.enabled", "true", "async.upload.rollout", "100");
            try (MicroProcess micro = MicroProcess.start(List.of(
                    "-Dprovider.kimi.base-url=http://127.0.0.1:" + emulator.port(),
                    "-Dprovider.kimi.api-key=crash-key", "-Dupload.default-provider=kimi", "-Dauth.anonymous-uploads=true",
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

                // A second upload whose caller waits for the delivery: its spool is not forced to disk.
                // The kill below cannot lose its pages (the kernel keeps them), so a machine crash
                // is imitated by cutting the file short: the restart must refuse to send it.
                Path waiting = GatewayDeployment.randomFile("waiting.bin", 3 * 1024 * 1024, 43);
                String waitingSha256 = GatewayDeployment.sha256(waiting);
                var waitingForm = new dev.uploadgateway.testkit.MultipartForm().file("file", "waiting.bin", waiting);
                HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(micro.url().toURI().resolve("api/uploads"))
                        .header("Content-Type", waitingForm.contentType()).POST(waitingForm.publisher()).build(),
                        HttpResponse.BodyHandlers.discarding());

                awaitProviderRequests(emulator, 2);
                // forwarded while receiving, the provider sees the request before the whole body is in:
                // the kill must come once the gateway holds all of it (the pages a crash would lose)
                awaitSpoolFileOfSize(micro.home().resolve("data/spool"), 3 * 1024 * 1024);
                awaitRecordOf(gateway, waitingSha256); // and its record is written, as it is once the body is in
                micro.kill();
                assertEquals(0, emulator.countBySha256(sha256), "the killed attempt did not complete");
                Path cut = spoolFileOfSize(micro.home().resolve("data/spool"), 3 * 1024 * 1024);
                try (FileChannel channel = FileChannel.open(cut, StandardOpenOption.WRITE)) {
                    channel.truncate(1024 * 1024);
                }

                micro.restart();
                assertTrue(micro.awaitReady(Duration.ofMinutes(3)), "gateway up again");
                JsonObject record = awaitState(gateway, id, "delivered");
                assertEquals(sha256, record.getString("sha256"));
                assertEquals(1, emulator.countBySha256(sha256), "delivered exactly once");
                assertEquals(8 * 1024 * 1024, emulator.bySha256(sha256).orElseThrow().bytes());
                assertEquals(record.getString("providerFileId"), emulator.bySha256(sha256).orElseThrow().id());

                JsonObject lost = gateway.get("api/uploads?offset=0&limit=10").jsonStructure().asJsonArray()
                        .getValuesAs(JsonObject.class).stream()
                        .filter(u -> waitingSha256.equals(u.getString("sha256"))).findFirst().orElseThrow();
                assertEquals("failed", lost.getString("state"), lost.toString());
                assertEquals("spool-incomplete", lost.getString("failureClass"), lost.toString());
                assertEquals(0, emulator.countBySha256(waitingSha256), "a spool cut short is never sent");
                assertTrue(Files.notExists(cut), "the cut spool file is removed");
            }
        }
    }

    @Test
    @Tag("h2-only") // on PostgreSQL, ClusterIT's restarted nodes find the shared rollout state as it was
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

    /**
     * tus with the official client: the gateway is SIGKILLed while a PATCH is on its way, after two
     * were acknowledged; after the restart HEAD reports the acknowledged offset, the client resumes
     * from it, and the file is delivered once, byte-identical.
     */
    @Test
    void resumesATusUploadFromItsAcknowledgedOffsetAfterAKill() throws Exception {
        try (ProviderEmulator emulator = ProviderEmulator.builder().kimiKey("crash-key").start()) {
            Map<String, String> config = Map.of("async.upload.enabled", "true", "async.upload.rollout", "100");
            try (MicroProcess micro = MicroProcess.start(List.of(
                    "-Dprovider.kimi.base-url=http://127.0.0.1:" + emulator.port(),
                    "-Dprovider.kimi.api-key=crash-key", "-Dupload.default-provider=kimi", "-Dauth.anonymous-uploads=true"),
                    config)) {
                assertTrue(micro.awaitReady(Duration.ofMinutes(3)), "gateway up");
                GatewayClient gateway = GatewayClient.at(micro.url());
                Path file = GatewayDeployment.randomFile("tus-crash.bin", 6 * 1024 * 1024 + 5, 44);
                String sha256 = GatewayDeployment.sha256(file);
                TusURLMemoryStore urls = new TusURLMemoryStore();

                TusUploader first = tusClient(micro, urls).resumeOrCreateUpload(tusUpload(file));
                first.setChunkSize(64 * 1024);
                first.setRequestPayloadSize(1024 * 1024);
                while (first.getOffset() < 2 * 1024 * 1024 && first.uploadChunk() > -1) {
                    // two PATCHes of 1 MiB, each acknowledged
                }
                first.uploadChunk(); // a third PATCH on its way, not ended
                URI upload = first.getUploadURL().toURI();
                assertEquals(2 * 1024 * 1024, offset(gateway, upload), "two PATCHes acknowledged");

                micro.kill();
                micro.restart();
                assertTrue(micro.awaitReady(Duration.ofMinutes(3)), "gateway up again");
                assertEquals(2 * 1024 * 1024, offset(gateway, upload), "the acknowledged offset survived the kill");

                TusUploader resumed = tusClient(micro, urls).resumeUpload(tusUpload(file));
                assertEquals(2 * 1024 * 1024, resumed.getOffset(), "the client resumes from it");
                resumed.setChunkSize(64 * 1024);
                while (resumed.uploadChunk() > -1) {
                    // the rest
                }
                resumed.finish();
                String record = gateway.send(HttpRequest.newBuilder(upload).header("Tus-Resumable", "1.0.0")
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build()).header("Upload-Gateway-Record");
                JsonObject delivered = awaitState(gateway, record.substring(record.lastIndexOf('/') + 1), "delivered");
                assertEquals(sha256, delivered.getString("sha256"));
                assertEquals(1, emulator.countBySha256(sha256), "delivered once");
                assertEquals(Files.size(file), emulator.bySha256(sha256).orElseThrow().bytes(), "byte-identical");
            }
        }
    }

    private static TusClient tusClient(MicroProcess micro, TusURLMemoryStore urls) throws Exception {
        TusClient client = new TusClient();
        client.setUploadCreationURL(micro.url().toURI().resolve("api/tus").toURL());
        client.enableResuming(urls);
        return client;
    }

    private static TusUpload tusUpload(Path file) throws IOException {
        TusUpload upload = new TusUpload(file.toFile());
        upload.setMetadata(Map.of("filename", file.getFileName().toString(), "provider", "kimi"));
        return upload;
    }

    private static long offset(GatewayClient gateway, URI upload) throws Exception {
        GatewayClient.Answer head = gateway.send(HttpRequest.newBuilder(upload).header("Tus-Resumable", "1.0.0")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, head.status(), head.body());
        return Long.parseLong(head.header("Upload-Offset"));
    }

    private static Path spoolFileOfSize(Path spool, long bytes) throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(f -> {
                try {
                    return Files.size(f) == bytes;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).findFirst().orElseThrow(() -> new AssertionError("no spool file of " + bytes + " bytes in " + spool));
        }
    }

    private static void awaitRecordOf(GatewayClient gateway, String sha256) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (gateway.get("api/uploads?offset=0&limit=10").jsonStructure().asJsonArray().getValuesAs(JsonObject.class)
                    .stream().anyMatch(u -> sha256.equals(u.getString("sha256")))) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private static void awaitSpoolFileOfSize(Path spool, long bytes) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(spool)) {
                if (files.anyMatch(f -> f.toFile().length() == bytes)) {
                    return;
                }
            }
            Thread.sleep(20);
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
