package dev.uploadgateway.provider.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.uploadgateway.provider.entity.FileContent;
import dev.uploadgateway.provider.entity.ProviderFile;
import dev.uploadgateway.provider.entity.ProviderUnavailable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reaches a provider on 127.0.0.1 and how an exchange ends: bodies byte for byte with their
 * framing, bodies that break off, interrupts and timeouts that must abort a blocked exchange, and
 * connections that are kept for the next upload or closed when an exchange went wrong.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FilesApiClientTest {

    private static final String FILE = "{\"id\":\"file-1\",\"bytes\":3,\"purpose\":\"file-extract\"}";

    /** One request as the provider saw it: whose connection, its headers, and its body or why reading it failed. */
    private record Received(int port, Headers headers, byte[] body, IOException failure) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    @FunctionalInterface
    private interface Behaviour {
        void handle(HttpExchange exchange) throws IOException;
    }

    private HttpServer provider;
    private ExecutorService providerThreads;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicReference<Behaviour> behaviour = new AtomicReference<>();
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final FilesApiClient client = new FilesApiClient();
    private ProviderConfig kimi;

    @BeforeEach
    void startProvider() throws Exception {
        providerThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "provider");
            t.setDaemon(true);
            return t;
        });
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.setExecutor(providerThreads);
        behaviour.set(answers(200, FILE, Map.of()));
        provider.createContext("/v1/files", exchange -> {
            try {
                behaviour.get().handle(exchange);
            } finally {
                exchange.close();
            }
        });
        provider.start();
        kimi = kimi(10);
        ProviderSettings settings = new ProviderSettings();
        settings.connectTimeoutSeconds = 5;
        settings.maxConnections = 20;
        settings.maxConnectionsPerRoute = 20;
        client.open(settings, timer);
    }

    @AfterEach
    void stopProvider() {
        release.countDown();
        client.close();
        timer.shutdownNow();
        provider.stop(0);
        providerThreads.shutdownNow();
    }

    private ProviderConfig kimi(int requestTimeoutSeconds) {
        return new ProviderConfig(MapConfig.of(Map.of(
                "provider.kimi.base-url", "http://127.0.0.1:" + provider.getAddress().getPort(),
                "provider.kimi.api-key", "k",
                "provider.kimi.request-timeout-seconds", String.valueOf(requestTimeoutSeconds))), "kimi");
    }

    /** Reads the body, records it, answers as told. */
    private Behaviour answers(int status, String body, Map<String, String> headers) {
        return exchange -> {
            if (!receive(exchange)) {
                return;
            }
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    /** Records the request; whether its body could be read to the end. */
    private boolean receive(HttpExchange exchange) {
        int port = exchange.getRemoteAddress().getPort();
        try (InputStream in = exchange.getRequestBody()) {
            received.add(new Received(port, exchange.getRequestHeaders(), in.readAllBytes(), null));
            return true;
        } catch (IOException e) {
            received.add(new Received(port, exchange.getRequestHeaders(), null, e));
            return false;
        }
    }

    private Received next() throws InterruptedException {
        Received r = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(r, "the provider received a request");
        return r;
    }

    private ProviderFile send(FileContent content) {
        return client.send(kimi, "/v1/files", "a.bin", "application/octet-stream", "file-extract", content);
    }

    /** The form the provider must receive for {@code bytes}, with the boundary the request declared. */
    private static byte[] form(Received r, byte[] bytes) {
        String contentType = r.header("Content-Type");
        assertTrue(contentType.startsWith("multipart/form-data; boundary="), contentType);
        String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(FilesApiClient.head(boundary, "a.bin", "application/octet-stream", "file-extract"));
        form.writeBytes(bytes);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return form.toByteArray();
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void aSpooledFileArrivesByteForByteWithItsExactLength(@TempDir Path dir) throws Exception {
        byte[] bytes = random(3 * 1024 * 1024 + 17);
        Path spool = Files.write(dir.resolve("spool"), bytes);

        assertEquals(new ProviderFile("file-1", 3, "file-extract"), send(new FileContent.Spooled(spool, bytes.length)));

        Received r = next();
        byte[] expected = form(r, bytes);
        assertEquals(String.valueOf(expected.length), r.header("Content-Length"));
        assertNull(r.header("Transfer-Encoding"));
        assertArrayEquals(expected, r.body());
        assertEquals("Bearer k", r.header("Authorization"));
    }

    @Test
    void aLiveBodyOfUnknownLengthArrivesChunkedByteForByte() throws Exception {
        byte[] bytes = random(1024 * 1024 + 5);
        FileContent live = new FileContent.Live(out -> {
            int at = 0;
            for (int step : new int[]{1, 7, 1000, 65_536, 200_000}) {
                out.write(bytes, at, step);
                out.flush();
                at += step;
            }
            out.write(bytes, at, bytes.length - at);
        }, -1);

        send(live);

        Received r = next();
        assertEquals("chunked", r.header("Transfer-Encoding"));
        assertNull(r.header("Content-Length"));
        assertArrayEquals(form(r, bytes), r.body());
    }

    /** The provider must never get a complete body for a client's body that broke off, whatever its framing. */
    @Test
    void aLiveBodyThatBreaksOffAbortsTheRequestAndItsConnection() throws Exception {
        for (long size : new long[]{4 * 1024 * 1024, -1}) {
            send(new FileContent.InMemory(new byte[3]));
            int kept = next().port();
            IOException cut = new IOException("the client's body ended early");
            FileContent live = new FileContent.Live(out -> {
                out.write(random(256 * 1024));
                out.flush();
                throw cut;
            }, size);

            ProviderUnavailable unavailable = assertThrows(ProviderUnavailable.class, () -> send(live));

            assertSame(cut, unavailable.getCause(), unavailable.getMessage());
            assertEquals("kimi", unavailable.provider());
            Received broken = next();
            assertNotNull(broken.failure(), "the provider could not read a complete body (size " + size + ")");
            assertEquals(kept, broken.port(), "the pooled connection carried it");
            send(new FileContent.InMemory(new byte[3]));
            assertNotEquals(kept, next().port(), "the aborted connection was closed, not given back to the pool");
        }
    }

    @Test
    void aLiveBodyThatWritesOtherThanItsDeclaredLengthIsAborted() throws Exception {
        for (boolean over : new boolean[]{false, true}) {
            FileContent live = new FileContent.Live(out -> {
                out.write(new byte[50]);
                out.flush(); // the provider has the request's head and 50 bytes
                if (over) {
                    out.write(new byte[100]);
                }
            }, 100);

            ProviderUnavailable unavailable = assertThrows(ProviderUnavailable.class, () -> send(live));

            assertInstanceOf(IOException.class, unavailable.getCause());
            Received r = next();
            assertTrue(r.failure() != null || r.body().length < 100 + form(r, new byte[0]).length,
                    "no complete body reached the provider when " + (over ? "150" : "50") + " of 100 bytes were written");
        }
    }

    /** Fault Tolerance's @Timeout interrupts the attempt's thread; blocking socket I/O would not notice by itself. */
    @Test
    void anInterruptAbortsAnExchangeTheProviderNeverAnswers() throws Exception {
        behaviour.set(exchange -> {
            receive(exchange);
            arrived.countDown();
            awaitRelease();
        });
        assertInterruptAborts(new FileContent.InMemory(new byte[10]));
    }

    @Test
    void anInterruptAbortsAnUploadTheProviderStoppedReading() throws Exception {
        behaviour.set(exchange -> {
            arrived.countDown();
            awaitRelease();
        });
        byte[] chunk = new byte[64 * 1024];
        assertInterruptAborts(new FileContent.Live(out -> {
            while (true) {
                out.write(chunk); // until the socket's buffers are full and the write blocks
            }
        }, -1));
    }

    private void assertInterruptAborts(FileContent content) throws Exception {
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        AtomicBoolean flagAfter = new AtomicBoolean(true);
        Thread attempt = new Thread(() -> {
            try {
                send(content);
            } catch (Throwable t) {
                outcome.set(t);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
        }, "attempt");
        attempt.start();
        assertTrue(arrived.await(10, TimeUnit.SECONDS), "the request reached the provider");

        long interruptedAt = System.nanoTime();
        attempt.interrupt();
        attempt.join(1_000);

        assertFalse(attempt.isAlive(), "the attempt ended within 1 s of its interrupt");
        assertTrue(System.nanoTime() - interruptedAt < TimeUnit.SECONDS.toNanos(1));
        ProviderUnavailable unavailable = assertInstanceOf(ProviderUnavailable.class, outcome.get());
        assertEquals("the attempt was interrupted (timed out) and aborted", unavailable.getMessage());
        assertFalse(flagAfter.get(), "the interrupt was taken, not restored: Fault Tolerance owns it");
    }

    @Test
    void aProviderThatNeverAnswersTimesOutAtTheRequestTimeout() {
        behaviour.set(exchange -> {
            receive(exchange);
            awaitRelease();
        });
        kimi = kimi(1);
        long start = System.nanoTime();

        ProviderUnavailable unavailable = assertThrows(ProviderUnavailable.class, () -> send(new FileContent.InMemory(new byte[3])));

        assertEquals("the provider did not answer in time", unavailable.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3), "ended near the 1 s request timeout");
    }

    @Test
    void sequentialUploadsShareOneKeptAliveConnection() throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            send(new FileContent.InMemory(random(10_000 + i)));
            ports.add(next().port());
        }
        assertEquals(1, ports.size(), "one connection for five uploads: " + ports);
    }

    @Test
    void tooManyRequestsIsUnavailableWithTheProvidersRetryAfter() {
        behaviour.set(answers(429, "{\"error\":{\"message\":\"slow down\"}}", Map.of("Retry-After", "7")));

        ProviderUnavailable unavailable = assertThrows(ProviderUnavailable.class, () -> send(new FileContent.InMemory(new byte[3])));

        assertEquals(Optional.of(Duration.ofSeconds(7)), unavailable.retryAfter());
        assertEquals("kimi answered 429: slow down", unavailable.getMessage());
    }

    /** HttpClient shuts its whole connection pool down when an Error passes through an exchange. */
    @Test
    void opensANewPoolAfterAnErrorShutTheOldOne() {
        FileContent failing = new FileContent.Live(out -> {
            out.write(new byte[1000]);
            throw new OutOfMemoryError("simulated");
        }, -1);
        assertThrows(OutOfMemoryError.class, () -> send(failing));

        assertEquals("file-1", send(new FileContent.InMemory(new byte[3])).id());
    }

    @Test
    void aDownloadGivesItsConnectionBackWhenReadToTheEndAndClosesItWhenNot() throws Exception {
        byte[] file = random(2 * 1024 * 1024);
        List<Integer> ports = new CopyOnWriteArrayList<>();
        provider.createContext("/v1/files/file-1/content", exchange -> {
            ports.add(exchange.getRemoteAddress().getPort());
            exchange.sendResponseHeaders(200, file.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(file); // fails once the client closes early, as the test means it to
            } finally {
                exchange.close();
            }
        });

        try (InputStream in = client.content(kimi, "/v1/files", "file-1")) {
            assertArrayEquals(file, in.readAllBytes());
        }
        try (InputStream in = client.content(kimi, "/v1/files", "file-1")) {
            assertEquals(1000, in.readNBytes(1000).length);
        }
        try (InputStream in = client.content(kimi, "/v1/files", "file-1")) {
            assertEquals(file.length, in.readAllBytes().length);
        }

        assertEquals(ports.get(0), ports.get(1), "a download read to its end gave its connection back");
        assertNotEquals(ports.get(1), ports.get(2), "one closed early did not, nor did it read the rest");
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
