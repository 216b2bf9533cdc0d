package dev.uploadgateway.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes one authorised upload POST through the armed fault: the body is always read first (except
 * for a reset, which cuts the connection mid-body), then latency, then the fault's answer or the
 * normal one. A file is on the ledger only if its success response was written in full.
 */
final class UploadHandler {

    private static final Logger LOG = Logger.getLogger(UploadHandler.class.getName());
    private static final int RESET_AFTER_BYTES = 64 * 1024;
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FileLedger ledger;
    private final FaultPlan plan;
    private final MultipartIntake intake;

    UploadHandler(FileLedger ledger, FaultPlan plan, MultipartIntake intake) {
        this.ledger = ledger;
        this.plan = plan;
        this.intake = intake;
    }

    void upload(HttpExchange exchange, Flavour flavour) throws IOException {
        Fault fault = plan.next();
        if (fault.kind() == Fault.Kind.RESET) {
            exchange.getRequestBody().readNBytes(RESET_AFTER_BYTES);
            // Closing before any response header makes the JDK server drop the socket with unread
            // bytes still queued, which the kernel turns into a TCP reset.
            exchange.close();
            return;
        }
        String id = newId();
        Intake received = null;
        RejectedUpload rejection = null;
        CountingBody body = new CountingBody(exchange.getRequestBody(), ledger);
        exchange.setStreams(body, null);
        try {
            received = intake.read(exchange, id);
        } catch (RejectedUpload e) {
            rejection = e;
            if (e.getCause() != null) {
                ledger.countIncomplete(); // malformed framing: a body cut short before its closing boundary
            }
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            ledger.countIncomplete();
            throw e;
        } finally {
            body.ended();
        }
        pause(plan.latency());
        switch (fault.kind()) {
            case FAIL -> answerFailure(exchange, fault, received);
            case GARBAGE -> answerGarbage(exchange, received);
            default -> {
                pause(fault.hang());
                answer(exchange, flavour, id, received, rejection);
            }
        }
    }

    private void answer(HttpExchange exchange, Flavour flavour, String id, Intake received,
                        RejectedUpload rejection) throws IOException {
        if (rejection != null) {
            Reply.error(exchange, 400, "invalid_request", rejection.getMessage());
            return;
        }
        String encoding = exchange.getRequestHeaders().getFirst("Transfer-Encoding");
        ReceivedFile file = new ReceivedFile(id, flavour.label(), received.filename(), received.purpose(),
                received.bytes(), received.sha256Hex(), received.storedAt(), Instant.now(),
                encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked") ? "chunked" : "content-length",
                exchange.getRequestHeaders().getFirst("traceparent"));
        // On the ledger before the answer leaves, so a client that got its 200 always finds the record.
        ledger.add(file);
        try {
            Reply.json(exchange, 200, FileJson.fileObject(file));
        } catch (IOException e) {
            ledger.withdraw(file);
            ledger.countAborted();
            LOG.log(Level.INFO, "client gone before the answer for {0} was written; not recorded", id);
        }
    }

    private static void answerFailure(HttpExchange exchange, Fault fault, Intake received) throws IOException {
        discard(received);
        if (fault.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(fault.retryAfterSeconds()));
        }
        Reply.error(exchange, fault.status(), "emulated_fault", "Emulated failure with status " + fault.status());
    }

    private static void answerGarbage(HttpExchange exchange, Intake received) throws IOException {
        discard(received);
        Reply.garbage(exchange);
    }

    private static void discard(Intake received) throws IOException {
        if (received != null) {
            Files.deleteIfExists(received.storedAt());
        }
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String newId() {
        char[] id = new char[24];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
        }
        return "file-" + new String(id);
    }
}
