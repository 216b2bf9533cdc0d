package dev.uploadgateway.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on loopback that keeps every request it got; it answers 500 to its first
 * {@code failures} requests, or holds every request without an answer until closed ({@link #hanging}).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, with whether its signature is the HMAC-SHA256 of its raw body with the secret. */
    record Received(Instant at, String event, String delivery, String signature, byte[] body, boolean signed) {
        JsonObject json() {
            try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
                return reader.readObject();
            }
        }
    }

    private final HttpServer server;
    private final String secret;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;
    private final CountDownLatch release = new CountDownLatch(1);
    private final boolean hang;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    private WebhookReceiver(String secret, int failures, boolean hang) throws IOException {
        this.secret = secret;
        this.failuresLeft = new AtomicInteger(failures);
        this.hang = hang;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-Upload-Gateway-Signature");
            received.add(new Received(Instant.now(), exchange.getRequestHeaders().getFirst("X-Upload-Gateway-Event"),
                    exchange.getRequestHeaders().getFirst("X-Upload-Gateway-Delivery"), signature, body,
                    expected(body).equals(signature)));
            if (this.hang) {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    static WebhookReceiver answering(String secret, int failuresFirst) throws IOException {
        return new WebhookReceiver(secret, failuresFirst, false);
    }

    static WebhookReceiver hanging(String secret) throws IOException {
        return new WebhookReceiver(secret, 0, true);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> of(String event) {
        return received.stream().filter(r -> event.equals(r.event())).toList();
    }

    private String expected(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
