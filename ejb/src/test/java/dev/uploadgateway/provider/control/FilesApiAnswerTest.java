package dev.uploadgateway.provider.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.provider.entity.FileContent;
import dev.uploadgateway.provider.entity.ProviderFailure;
import dev.uploadgateway.provider.entity.ProviderFile;
import dev.uploadgateway.provider.entity.ProviderRejected;
import dev.uploadgateway.provider.entity.ProviderUnavailable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a files API's answers become a {@link ProviderFile} or the failure they mean: a provider on
 * 127.0.0.1 answers canned status codes, headers and bodies, as Kimi and GLM do.
 */
class FilesApiAnswerTest {

    private record Canned(int status, String body, Map<String, String> headers) {
    }

    private HttpServer server;
    private final AtomicReference<Canned> next = new AtomicReference<>();
    private final AtomicReference<String> lastMethod = new AtomicReference<>();
    private final FilesApiClient client = new FilesApiClient();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private ProviderConfig kimi;

    @BeforeEach
    void startProvider() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/files", exchange -> {
            exchange.getRequestBody().readAllBytes();
            lastMethod.set(exchange.getRequestMethod());
            Canned answer = next.get();
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        ProviderSettings settings = new ProviderSettings();
        settings.connectTimeoutSeconds = 5;
        settings.maxConnections = 10;
        settings.maxConnectionsPerRoute = 10;
        client.open(settings, timer);
        kimi = new ProviderConfig(MapConfig.of(Map.of(
                "provider.kimi.base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                "provider.kimi.api-key", "k",
                "provider.kimi.request-timeout-seconds", "10")), "kimi");
    }

    @AfterEach
    void stopProvider() {
        client.close();
        timer.shutdownNow();
        server.stop(0);
    }

    private void answers(int status, String body, Map<String, String> headers) {
        next.set(new Canned(status, body, headers));
    }

    private void answers(int status, String body) {
        answers(status, body, Map.of());
    }

    private ProviderFile send() {
        return client.send(kimi, "/v1/files", "a.txt", "text/plain", "file-extract",
                new FileContent.InMemory("abc".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFileObjectBecomesTheProvidersFile() {
        answers(200, "{\"id\":\"file-abc\",\"object\":\"file\",\"bytes\":3,\"created_at\":1700000000,"
                + "\"filename\":\"a.txt\",\"purpose\":\"file-extract\",\"status\":\"ok\"}");
        assertEquals(new ProviderFile("file-abc", 3, "file-extract"), send());
    }

    @Test
    void aFileObjectWithoutSizeOrPurposeStillNamesTheFile() {
        answers(201, "{\"id\":\"file-min\"}");
        assertEquals(new ProviderFile("file-min", -1, null), send());
    }

    @Test
    void tooManyRequestsIsUnavailableAndCarriesRetryAfter() {
        answers(429, "{\"error\":{\"message\":\"rate limit reached\",\"type\":\"rate_limit_reached_error\"}}",
                Map.of("Retry-After", "7"));

        ProviderUnavailable unavailable = assertThrows(ProviderUnavailable.class, this::send);

        assertEquals(Optional.of(Duration.ofSeconds(7)), unavailable.retryAfter());
        assertEquals(ProblemType.PROVIDER_UNAVAILABLE, unavailable.problem());
        assertEquals("provider-unavailable", unavailable.kind());
        assertEquals("kimi", unavailable.provider());
        assertEquals("kimi answered 429: rate limit reached", unavailable.getMessage());
    }

    @Test
    void aServerErrorIsUnavailableWithRetryAfterOnlyWhenSent() {
        answers(503, "{\"error\":{\"message\":\"overloaded\"}}", Map.of("Retry-After", "120"));
        assertEquals(Optional.of(Duration.ofMinutes(2)), assertThrows(ProviderUnavailable.class, this::send).retryAfter());

        answers(500, "Internal Server Error");
        ProviderUnavailable plain = assertThrows(ProviderUnavailable.class, this::send);
        assertEquals(Optional.empty(), plain.retryAfter());
        assertEquals("kimi answered 500: Internal Server Error", plain.getMessage(), "a body that is not JSON, as sent");
    }

    /** A chunked body a provider wants framed by length is sent again from the spool, which always has one. */
    @Test
    void lengthRequiredIsUnavailableSoTheSpoolsRetrySendsItWithALength() {
        answers(411, "{\"error\":{\"message\":\"Length Required\"}}");
        assertEquals("kimi answered 411: Length Required", assertThrows(ProviderUnavailable.class, this::send).getMessage());
    }

    /** RFC 9110 allows an HTTP date; providers send seconds, and anything else asks for no particular wait. */
    @Test
    void aRetryAfterThatIsNotSecondsIsIgnored() {
        for (String value : List.of("Wed, 21 Oct 2015 07:28:00 GMT", "-5", "soon", "")) {
            assertEquals(Optional.empty(), FilesApiClient.retryAfter(value), value);
        }
        assertEquals(Optional.empty(), FilesApiClient.retryAfter(null), "no header");
        assertEquals(Optional.of(Duration.ofSeconds(3)), FilesApiClient.retryAfter(" 3 "));
    }

    @Test
    void aClientErrorIsARefusalWithTheProvidersMessage() {
        answers(400, "{\"error\":{\"message\":\"purpose 'x' is not supported\",\"type\":\"invalid_request_error\"}}");

        ProviderRejected rejected = assertThrows(ProviderRejected.class, this::send);

        assertEquals(ProblemType.PROVIDER_REJECTED, rejected.problem());
        assertEquals("provider-rejected", rejected.kind());
        assertEquals("kimi answered 400: purpose 'x' is not supported", rejected.getMessage());
    }

    /** GLM puts the message at the top level; a 401 must not be retried, and never echoes the key. */
    @Test
    void aTopLevelMessageIsReadTooAndUnauthorizedIsARefusal() {
        answers(401, "{\"code\":1000,\"message\":\"invalid api key\"}", Map.of("Retry-After", "9"));

        ProviderFailure failure = assertThrows(ProviderFailure.class, this::send);

        assertTrue(failure instanceof ProviderRejected, failure.getClass().getName());
        assertEquals("kimi answered 401: invalid api key", failure.getMessage());
    }

    @Test
    void aLongOrMultiLineErrorIsShortenedToOneLine() {
        answers(422, "line one\r\nline two\t" + "x".repeat(1_000));

        String message = assertThrows(ProviderRejected.class, this::send).getMessage();

        assertTrue(message.startsWith("kimi answered 422: line one line two x"), message);
        assertTrue(message.endsWith("…"), message);
        assertEquals("kimi answered 422: ".length() + 300 + 1, message.length());
    }

    /** The provider may have stored the file: a retry would store it twice, so it is a refusal. */
    @Test
    void aSuccessWhoseBodyIsNotAFileObjectIsARefusalNotARetry() {
        for (String body : List.of("<html>ok</html>", "", "[]", "{\"object\":\"file\"}", "{\"id\":42}")) {
            answers(200, body);
            ProviderRejected rejected = assertThrows(ProviderRejected.class, this::send, body);
            assertTrue(rejected.getMessage().startsWith("kimi answered 200 with a body that is not a file object"),
                    rejected.getMessage());
        }
    }

    @Test
    void findsTheFileThisUploadDeliveredByNameSizeAndTime() {
        Instant since = Instant.ofEpochSecond(1_700_000_100);
        answers(200, "{\"object\":\"list\",\"data\":["
                + "{\"id\":\"older\",\"filename\":\"a.txt\",\"bytes\":3,\"created_at\":1700000099},"
                + "{\"id\":\"other-size\",\"filename\":\"a.txt\",\"bytes\":4,\"created_at\":1700000200},"
                + "{\"id\":\"other-name\",\"filename\":\"b.txt\",\"bytes\":3,\"created_at\":1700000200},"
                + "{\"id\":\"it\",\"filename\":\"a.txt\",\"bytes\":3,\"created_at\":1700000100,\"purpose\":\"file-extract\"}]}");

        assertEquals(Optional.of(new ProviderFile("it", 3, "file-extract")),
                client.find(kimi, "/v1/files", "a.txt", 3, since));
        assertEquals("GET", lastMethod.get());
        assertEquals(Optional.empty(), client.find(kimi, "/v1/files", "c.txt", 3, since));
    }

    @Test
    void aListThatCannotBeReadIsARefusalAndAFailedListingUnavailable() {
        answers(200, "{\"data\":\"none\"}");
        assertThrows(ProviderRejected.class, () -> client.find(kimi, "/v1/files", "a.txt", 3, Instant.EPOCH));

        answers(502, "{\"error\":{\"message\":\"bad gateway\"}}");
        ProviderUnavailable unavailable = assertThrows(ProviderUnavailable.class,
                () -> client.find(kimi, "/v1/files", "a.txt", 3, Instant.EPOCH));
        assertEquals("kimi could not list files: bad gateway", unavailable.getMessage());
    }

    @Test
    void deletingAFileTheProviderNoLongerHasSucceeds() {
        answers(404, "{\"error\":{\"message\":\"no such file\"}}");
        client.delete(kimi, "/v1/files", "file-gone");
        assertEquals("DELETE", lastMethod.get());

        answers(500, "{\"error\":{\"message\":\"try later\"}}");
        assertThrows(ProviderUnavailable.class, () -> client.delete(kimi, "/v1/files", "file-1"));
        answers(403, "{\"error\":{\"message\":\"not yours\"}}");
        assertEquals("kimi answered 403: not yours",
                assertThrows(ProviderRejected.class, () -> client.delete(kimi, "/v1/files", "file-1")).getMessage());
    }

    @Test
    void aProviderWithoutAnApiKeyIsRefusedBeforeAnythingIsSent() {
        ProviderConfig keyless = new ProviderConfig(MapConfig.of(Map.of("provider.glm.base-url", "http://127.0.0.1:1")), "glm");
        ProviderRejected rejected = assertThrows(ProviderRejected.class, () -> client.send(keyless, "/api/paas/v4/files",
                "a.txt", "text/plain", "agent", new FileContent.InMemory(new byte[1])));
        assertEquals("glm", rejected.provider());
    }

    @Test
    void aProviderThatCannotBeReachedIsUnavailable() {
        server.stop(0);
        ProviderUnavailable unavailable = assertThrows(ProviderUnavailable.class, this::send);
        assertTrue(unavailable.getMessage().startsWith("network error talking to the provider"), unavailable.getMessage());
    }
}
