package dev.uploadgateway.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fault knobs and records over HTTP under {@code /_emulator/}, so the emulator can run as its own
 * process. No authentication: the server listens on 127.0.0.1 only.
 */
final class ControlPlane implements HttpHandler {

    static final String PATH = "/_emulator/";

    private static final Logger LOG = Logger.getLogger(ControlPlane.class.getName());

    private final ProviderEmulator emulator;

    ControlPlane(ProviderEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            try {
                route(exchange, QueryParams.of(exchange.getRequestURI()));
            } catch (IllegalArgumentException | ArithmeticException e) {
                Reply.error(exchange, 400, "invalid_control_request", e.getMessage());
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "control request ended early", e);
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, QueryParams q) throws IOException {
        switch (exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath().substring(PATH.length())) {
            case "POST reset" -> emulator.reset();
            case "POST latency" -> emulator.latency(Duration.ofMillis(q.number("ms")));
            case "POST fail" -> fail(q);
            case "POST hang" -> emulator.hangNext(q.count("n"), Duration.ofMillis(q.number("ms")));
            case "POST reset-connection" -> emulator.resetNext(q.count("n"));
            case "POST garbage" -> emulator.garbageNext(q.count("n"));
            case "GET received" -> {
                Reply.json(exchange, 200, FileJson.records(emulator.received()));
                return;
            }
            case "GET stats" -> {
                Reply.json(exchange, 200, Json.createObjectBuilder()
                        .add("requests", emulator.requestCount())
                        .add("received", emulator.received().size())
                        .add("aborted", emulator.abortedResponses())
                        .add("incomplete", emulator.incompleteBodies())
                        .add("receiving", emulator.receiving())
                        .add("receivingBytes", emulator.receivingBytes())
                        .build());
                return;
            }
            default -> {
                Reply.error(exchange, 404, "not_found", "No control route " + exchange.getRequestMethod()
                        + " " + exchange.getRequestURI().getPath());
                return;
            }
        }
        Reply.noContent(exchange);
    }

    private void fail(QueryParams q) {
        if (q.optional("retryAfter").isPresent()) {
            emulator.failNext(q.count("n"), q.count("status"), Duration.ofSeconds(q.number("retryAfter")));
        } else {
            emulator.failNext(q.count("n"), q.count("status"));
        }
    }
}
