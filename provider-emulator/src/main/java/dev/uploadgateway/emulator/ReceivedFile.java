package dev.uploadgateway.emulator;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One file the emulator accepted and answered 200 for.
 *
 * @param id        the provider id handed back to the client, {@code file-...}
 * @param flavour   {@code kimi} or {@code glm}
 * @param filename  the file part's filename as sent
 * @param purpose   the {@code purpose} form field as sent
 * @param bytes     size of the file part
 * @param sha256Hex lower-case hex SHA-256 of the file part
 * @param storedAt  where the bytes were stored; gone when the emulator runs with keep-files off
 * @param at        when the upload was accepted
 * @param framing   how the request body was framed: {@code content-length} or {@code chunked}
 * @param traceparent the request's W3C {@code traceparent} header, or null when it had none
 */
public record ReceivedFile(String id, String flavour, String filename, String purpose, long bytes,
                           String sha256Hex, Path storedAt, Instant at, String framing, String traceparent) {
}
