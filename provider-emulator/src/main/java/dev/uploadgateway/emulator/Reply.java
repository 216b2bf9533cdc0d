package dev.uploadgateway.emulator;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes responses. Every body has a known length, so the headers go out in one write and the
 * body in another: when the client has already hung up, the second write fails and the caller
 * learns that its answer was lost.
 */
final class Reply {

    private static final String JSON = "application/json";

    private Reply() {
    }

    static void json(HttpExchange exchange, int status, JsonStructure body) throws IOException {
        send(exchange, status, JSON, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The OpenAI-style error both providers answer with. */
    static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        json(exchange, status, Json.createObjectBuilder()
                .add("error", Json.createObjectBuilder()
                        .add("message", message)
                        .add("type", typeOf(status))
                        .add("code", code))
                .build());
    }

    /** A 200 whose body is not JSON although it says so, like a misbehaving proxy in front. */
    static void garbage(HttpExchange exchange) throws IOException {
        send(exchange, 200, JSON, "<html><body>upstream hiccup</body></html>".getBytes(StandardCharsets.UTF_8));
    }

    static void file(HttpExchange exchange, Path content) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, Files.size(content));
        try (OutputStream out = exchange.getResponseBody()) {
            Files.copy(content, out);
        }
    }

    static void noContent(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
            out.flush();
        }
    }

    private static String typeOf(int status) {
        if (status == 429) {
            return "rate_limit_reached_error";
        }
        return status >= 500 ? "server_error" : "invalid_request_error";
    }
}
