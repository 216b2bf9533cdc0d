package dev.uploadgateway.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One provider's files API under its base path: upload, list, get, content and delete, all behind
 * the flavour's bearer key. Every upload POST counts as a request, authorised or not.
 */
final class FilesHandler implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(FilesHandler.class.getName());

    private final Flavour flavour;
    private final String apiKey;
    private final FileLedger ledger;
    private final UploadHandler uploads;

    FilesHandler(Flavour flavour, String apiKey, FileLedger ledger, UploadHandler uploads) {
        this.flavour = flavour;
        this.apiKey = apiKey;
        this.ledger = ledger;
        this.uploads = uploads;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            // "", "/{id}" or "/{id}/content" after the base path; anything else is no route
            String[] path = exchange.getRequestURI().getPath().substring(flavour.basePath().length()).split("/", -1);
            route(exchange, exchange.getRequestMethod() + " " + resource(path), path.length > 1 ? path[1] : "");
        } catch (IOException e) {
            LOG.log(Level.FINE, "exchange with " + exchange.getRemoteAddress() + " ended early", e);
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String route, String id) throws IOException {
        if ("POST files".equals(route)) {
            ledger.countRequest(exchange.getRequestHeaders().getFirst("traceparent"));
        }
        if (!authorised(exchange)) {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            Reply.error(exchange, 401, "invalid_api_key", "Invalid Authentication: bearer key missing or wrong");
            return;
        }
        switch (route) {
            case "POST files" -> uploads.upload(exchange, flavour);
            case "GET files" -> Reply.json(exchange, 200, FileJson.list(ledger.live(flavour)));
            case "GET file" -> found(exchange, ledger.find(flavour, id),
                    f -> Reply.json(exchange, 200, FileJson.fileObject(f)));
            case "DELETE file" -> found(exchange, ledger.delete(flavour, id),
                    f -> Reply.json(exchange, 200, FileJson.deleted(f.id())));
            case "GET content" -> found(exchange, ledger.find(flavour, id).filter(f -> Files.exists(f.storedAt())),
                    f -> Reply.file(exchange, f.storedAt()));
            default -> Reply.error(exchange, 404, "not_found",
                    "No route for " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        }
    }

    private static String resource(String[] path) {
        if (path.length == 1 && path[0].isEmpty()) {
            return "files";
        }
        boolean idGiven = path.length > 1 && path[0].isEmpty() && !path[1].isEmpty();
        if (idGiven && path.length == 2) {
            return "file";
        }
        return idGiven && path.length == 3 && "content".equals(path[2]) ? "content" : "unknown";
    }

    private static void found(HttpExchange exchange, Optional<ReceivedFile> file, FileAnswer answer) throws IOException {
        if (file.isPresent()) {
            answer.send(file.get());
        } else {
            Reply.error(exchange, 404, "file_not_found", "No such file, or its content was not kept");
        }
    }

    private boolean authorised(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && header.substring(7).trim().equals(apiKey);
    }

    @FunctionalInterface
    private interface FileAnswer {
        void send(ReceivedFile file) throws IOException;
    }
}
