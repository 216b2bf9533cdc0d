package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.testkit.MultipartForm;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The spool on a 20 MB tmpfs (mounted by the test, as root, and unmounted pass or fail): an async
 * upload larger than the space left is the gateway's condition, not the client's.
 */
class SpoolFullIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command));
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        }
        return p.exitValue();
    }

    private static HttpResponse<String> get(MicroProcess micro, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(micro.url().toURI().resolve(path)).timeout(Duration.ofSeconds(10)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    @Test
    void answers507WithRetryAfterRollsBackAndReportsNotReadyWhileSpaceIsShort() throws Exception {
        Path spool = Files.createDirectories(Path.of(System.getProperty("payara.microJar")).getParent()
                .resolve("small-spool-" + System.nanoTime()));
        run("mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs", spool.toString());
        try (MicroProcess micro = MicroProcess.start(List.of("-Dupload.spool-dir=" + spool,
                "-Dhealth.spool-min-free-bytes=5000000"), Map.of("async.upload.enabled", "true",
                "async.upload.rollout", "100"))) {
            assertTrue(micro.awaitReady(Duration.ofMinutes(3)), "gateway up");
            assertEquals(200, get(micro, "health/ready").statusCode(), "20 MB free is enough for readiness");
            Path big = GatewayDeployment.randomFile("thirty.bin", 30 << 20, 81);
            MultipartForm form = new MultipartForm().file("file", "thirty.bin", big);
            HttpResponse<String> full = HTTP.send(HttpRequest.newBuilder(micro.url().toURI().resolve("api/uploads"))
                    .timeout(Duration.ofMinutes(1)).header("Content-Type", form.contentType()).POST(form.publisher())
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(507, full.statusCode(), full.body());
            assertEquals("application/problem+json", full.headers().firstValue("Content-Type").orElse(""));
            assertTrue(json(full.body()).getString("type").endsWith("/spool-full"), full.body());
            assertTrue(Long.parseLong(full.headers().firstValue("Retry-After").orElseThrow()) > 0);
            try (Stream<Path> left = Files.list(spool)) {
                assertEquals(List.of(), left.toList(), "the partial spool file is gone");
            }
            assertEquals("[]", get(micro, "api/uploads").body().strip(), "no record of an upload not taken");

            Instant deadline = Instant.now().plusSeconds(15);
            JsonObject rollout = json(get(micro, "api/rollout").body());
            while (rollout.getBoolean("asyncEnabled") && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                rollout = json(get(micro, "api/rollout").body());
            }
            assertEquals("ROLLED_BACK", rollout.getString("state"), rollout.toString());
            assertTrue(get(micro, "api/rollout/events?limit=5").body().contains("spool-write-failed"),
                    "the rollback names the critical error class");

            Path filler = Files.write(spool.resolve("filler"), new byte[17 << 20]);
            HttpResponse<String> short_ = get(micro, "health/ready");
            assertEquals(503, short_.statusCode(), short_.body());
            assertTrue(short_.body().contains("DOWN"), short_.body());
            Files.delete(filler);
            assertEquals(200, get(micro, "health/ready").statusCode(), "ready again once space is back");
        } finally {
            run("umount", spool.toString());
        }
    }
}
