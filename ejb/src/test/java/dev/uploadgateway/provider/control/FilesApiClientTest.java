package dev.uploadgateway.provider.control;

import dev.uploadgateway.provider.entity.FileContent;
import dev.uploadgateway.provider.entity.ProviderFile;
import dev.uploadgateway.provider.entity.ProviderUnavailable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FilesApiClientTest {

    private HttpServer provider;
    private final AtomicInteger received = new AtomicInteger();

    @BeforeEach
    void startProvider() throws Exception {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/v1/files", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            byte[] body = "{\"id\":\"file-1\",\"bytes\":3,\"purpose\":\"file-extract\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stopProvider() {
        provider.stop(0);
    }

    @Test
    void replacesAClientThatCanNoLongerSend() {
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdownNow();
        AtomicInteger built = new AtomicInteger();
        FilesApiClient post = new FilesApiClient();
        post.init(() -> built.incrementAndGet() == 1
                ? HttpClient.newBuilder().executor(stopped).build()
                : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        ProviderConfig kimi = new ProviderConfig(MapConfig.of(Map.of(
                "provider.kimi.base-url", "http://127.0.0.1:" + provider.getAddress().getPort(),
                "provider.kimi.api-key", "k",
                "provider.kimi.request-timeout-seconds", "10")), "kimi");
        FileContent content = new FileContent.InMemory("abc".getBytes(StandardCharsets.UTF_8));

        ProviderUnavailable first = assertThrows(ProviderUnavailable.class,
                () -> post.send(kimi, "/v1/files", "a.txt", "text/plain", "file-extract", content));
        assertTrue(first.getMessage().contains("replaced"), first.getMessage());
        assertEquals(0, received.get(), "nothing reached the provider through the stopped client");

        ProviderFile file = post.send(kimi, "/v1/files", "a.txt", "text/plain", "file-extract", content);
        assertEquals("file-1", file.id());
        assertEquals(1, received.get());
        assertEquals(2, built.get(), "one replacement, not one per request");
        post.send(kimi, "/v1/files", "a.txt", "text/plain", "file-extract", content);
        assertEquals(2, built.get());
    }
}
