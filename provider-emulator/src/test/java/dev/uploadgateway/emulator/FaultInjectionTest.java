package dev.uploadgateway.emulator;

import dev.uploadgateway.testkit.MultipartForm;

import static dev.uploadgateway.emulator.EmulatorClient.GLM;
import static dev.uploadgateway.emulator.EmulatorClient.GLM_KEY;
import static dev.uploadgateway.emulator.EmulatorClient.KIMI;
import static dev.uploadgateway.emulator.EmulatorClient.KIMI_KEY;
import static dev.uploadgateway.emulator.EmulatorClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultInjectionTest {

    private static ProviderEmulator emulator;
    private static EmulatorClient client;

    @BeforeAll
    static void start() throws Exception {
        emulator = ProviderEmulator.builder().start();
        client = new EmulatorClient(emulator.port());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void disarm() {
        emulator.reset();
    }

    @Test
    void failsTheNextTwoUploadsWith500ThenAccepts() throws Exception {
        emulator.failNext(2, 500);

        List<Integer> statuses = List.of(upload().statusCode(), upload().statusCode(), upload().statusCode());

        assertEquals(List.of(500, 500, 200), statuses);
        assertEquals(3, emulator.requestCount());
        assertEquals(1, emulator.received().size());
    }

    @Test
    void answersAFailureWithAnOpenAiStyleError() throws Exception {
        emulator.failNext(1, 503);

        HttpResponse<String> response = upload();

        assertEquals(503, response.statusCode());
        assertEquals("server_error", object(response).getJsonObject("error").getString("type"));
        assertEquals(Optional.empty(), response.headers().firstValue("Retry-After"));
    }

    @Test
    void answers429WithRetryAfterRoundedUpToWholeSeconds() throws Exception {
        emulator.failNext(1, 429, Duration.ofMillis(1500));

        HttpResponse<String> response = upload();

        assertEquals(429, response.statusCode());
        assertEquals(Optional.of("2"), response.headers().firstValue("Retry-After"));
        assertEquals("rate_limit_reached_error", object(response).getJsonObject("error").getString("type"));
        assertTrue(emulator.received().isEmpty());
    }

    @Test
    void resetCutsTheConnectionMidBodyAndRecordsNothing(@TempDir Path dir) throws Exception {
        Path file = TestFiles.random(dir.resolve("big.bin"), 8L * 1024 * 1024, 5);
        emulator.resetNext(1);

        assertThrows(IOException.class, () -> client.upload(KIMI, KIMI_KEY,
                new MultipartForm().field("purpose", "file-extract").file("file", "big.bin", file)));

        assertEquals(1, emulator.requestCount());
        assertTrue(emulator.received().isEmpty());
        assertEquals(200, upload().statusCode(), "only the armed upload is cut");
    }

    @Test
    void hangOutlastingTheClientsTimeoutIsCountedAbortedAndNotRecorded() throws Exception {
        emulator.hangNext(1, Duration.ofMillis(800));
        MultipartForm form = new MultipartForm().field("purpose", "file").file("file", "a.txt", TestFiles.random(2000, 9));

        assertThrows(HttpTimeoutException.class, () -> client.send(
                client.uploadRequest(GLM, GLM_KEY, form).timeout(Duration.ofMillis(200)).build()));

        TestFiles.await(() -> emulator.abortedResponses() == 1, Duration.ofSeconds(5));
        assertTrue(emulator.received().isEmpty());
        assertEquals(1, emulator.requestCount());
    }

    @Test
    void hangShorterThanTheClientsPatienceIsAnsweredAndRecorded() throws Exception {
        emulator.hangNext(1, Duration.ofMillis(300));
        long started = System.nanoTime();

        HttpResponse<String> response = upload();

        assertEquals(200, response.statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 300);
        assertEquals(1, emulator.received().size());
        assertEquals(0, emulator.abortedResponses());
    }

    @Test
    void garbageAnswers200WithABodyThatIsNotJson() throws Exception {
        emulator.garbageNext(1);

        HttpResponse<String> response = upload();

        assertEquals(200, response.statusCode());
        assertThrows(JsonParsingException.class, () -> object(response));
        assertTrue(emulator.received().isEmpty());
    }

    @Test
    void latencyDelaysEveryUploadAnswer() throws Exception {
        emulator.latency(Duration.ofMillis(250));
        long started = System.nanoTime();

        upload();
        upload();

        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 500);
    }

    @Test
    void armedFaultsHitConsecutiveUploadsInTheOrderArmed() throws Exception {
        emulator.failNext(1, 400);
        emulator.garbageNext(1);
        emulator.failNext(1, 413);

        List<Integer> statuses = List.of(upload().statusCode(), upload().statusCode(),
                upload().statusCode(), upload().statusCode());

        assertEquals(List.of(400, 200, 413, 200), statuses);
        assertEquals(1, emulator.received().size());
    }

    private static HttpResponse<String> upload() throws IOException, InterruptedException {
        return client.upload(KIMI, KIMI_KEY, new MultipartForm().field("purpose", "file-extract")
                .file("file", "a.txt", TestFiles.random(4096, System.nanoTime())));
    }
}
