package dev.uploadgateway.emulator;

import dev.uploadgateway.testkit.MultipartForm;

import static dev.uploadgateway.emulator.EmulatorClient.KIMI;
import static dev.uploadgateway.emulator.EmulatorClient.KIMI_KEY;
import static dev.uploadgateway.emulator.EmulatorClient.array;
import static dev.uploadgateway.emulator.EmulatorClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControlPlaneTest {

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
    void failArmsErrorStatusesWithOptionalRetryAfter() throws Exception {
        assertEquals(204, client.control("POST", "fail?n=1&status=503").statusCode());
        assertEquals(204, client.control("POST", "fail?n=1&status=429&retryAfter=3").statusCode());

        HttpResponse<String> unavailable = upload();
        HttpResponse<String> limited = upload();

        assertEquals(503, unavailable.statusCode());
        assertEquals(429, limited.statusCode());
        assertEquals(Optional.of("3"), limited.headers().firstValue("Retry-After"));
        assertEquals(200, upload().statusCode());
    }

    @Test
    void hangResetConnectionAndGarbageArmTheirFaults() throws Exception {
        assertEquals(204, client.control("POST", "hang?n=1&ms=600").statusCode());
        assertEquals(204, client.control("POST", "reset-connection?n=1").statusCode());
        assertEquals(204, client.control("POST", "garbage?n=1").statusCode());

        assertThrows(HttpTimeoutException.class, () -> client.send(client.uploadRequest(KIMI, KIMI_KEY, form())
                .timeout(Duration.ofMillis(150)).build()));
        assertThrows(IOException.class, this::upload);
        HttpResponse<String> garbage = upload();

        assertThrows(JsonParsingException.class, () -> object(garbage));
        TestFiles.await(() -> emulator.abortedResponses() == 1, Duration.ofSeconds(5));
    }

    @Test
    void latencyDelaysUploads() throws Exception {
        assertEquals(204, client.control("POST", "latency?ms=300").statusCode());
        long started = System.nanoTime();

        upload();

        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 300);
    }

    @Test
    void receivedListsRecordsWithoutWhereTheyAreStored() throws Exception {
        byte[] content = TestFiles.random(1234, 11);
        client.upload(KIMI, KIMI_KEY, new MultipartForm().field("purpose", "file-extract").file("file", "x.doc", content));

        JsonArray received = array(client.control("GET", "received"));

        assertEquals(1, received.size());
        JsonObject record = received.getJsonObject(0);
        assertEquals("kimi", record.getString("flavour"));
        assertEquals("x.doc", record.getString("filename"));
        assertEquals("file-extract", record.getString("purpose"));
        assertEquals(1234, record.getInt("bytes"));
        assertEquals(TestFiles.sha256(content), record.getString("sha256Hex"));
        assertEquals(emulator.received().get(0).id(), record.getString("id"));
        assertFalse(record.getString("at").isBlank());
        assertFalse(record.containsKey("storedAt"));
    }

    @Test
    void statsCountRequestsReceivedAndAborted() throws Exception {
        emulator.failNext(1, 500);
        upload();
        upload();

        JsonObject stats = object(client.control("GET", "stats"));

        assertEquals(2, stats.getInt("requests"));
        assertEquals(1, stats.getInt("received"));
        assertEquals(0, stats.getInt("aborted"));
    }

    @Test
    void resetForgetsRecordsCountersAndArmedFaults() throws Exception {
        upload();
        emulator.failNext(5, 500);
        emulator.latency(Duration.ofSeconds(10));

        assertEquals(204, client.control("POST", "reset").statusCode());

        assertEquals(0, emulator.requestCount());
        assertTrue(emulator.received().isEmpty());
        assertEquals(200, upload().statusCode());
    }

    @Test
    void rejectsBadParametersWith400AndUnknownRoutesWith404() throws Exception {
        HttpResponse<String> missing = client.control("POST", "fail?n=1");
        HttpResponse<String> notNumber = client.control("POST", "hang?n=one&ms=5");
        HttpResponse<String> badStatus = client.control("POST", "fail?n=1&status=200");
        HttpResponse<String> negative = client.control("POST", "latency?ms=-1");

        for (HttpResponse<String> response : new HttpResponse[] {missing, notNumber, badStatus, negative}) {
            assertEquals(400, response.statusCode(), response.body());
            assertEquals("invalid_control_request", object(response).getJsonObject("error").getString("code"));
        }
        assertEquals(404, client.control("POST", "explode").statusCode());
        assertEquals(404, client.control("GET", "reset").statusCode());
    }

    private HttpResponse<String> upload() throws IOException, InterruptedException {
        return client.upload(KIMI, KIMI_KEY, form());
    }

    private static MultipartForm form() {
        return new MultipartForm().field("purpose", "file-extract").file("file", "a.txt", TestFiles.random(256, 1));
    }
}
