package dev.uploadgateway.provider.entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The bytes of an upload as a provider sees them: either the legacy path's whole-file array, or
 * the async path's spool file that is streamed and never loaded.
 */
public sealed interface FileContent {

    long size();

    /** A publisher that sends the content without copying it into another buffer. */
    BodyPublisher publisher();

    /** Writes the content to {@code target}, replacing it. */
    void copyTo(Path target) throws IOException;

    /** The legacy path: the whole file in heap. */
    record InMemory(byte[] bytes) implements FileContent {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public BodyPublisher publisher() {
            return BodyPublishers.ofByteArray(bytes);
        }

        @Override
        public void copyTo(Path target) throws IOException {
            Files.write(target, bytes);
        }
    }

    /** The async path: a spool file on disk, streamed on every attempt. */
    record Spooled(Path file, long size) implements FileContent {
        @Override
        public BodyPublisher publisher() {
            try {
                return BodyPublishers.ofFile(file);
            } catch (IOException e) {
                throw new UncheckedIOException("spool file is gone: " + file.getFileName(), e);
            }
        }

        @Override
        public void copyTo(Path target) throws IOException {
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }

        /** The legacy path's view of the same bytes, for the sync fallback. */
        public InMemory load() throws IOException {
            return new InMemory(Files.readAllBytes(file));
        }
    }
}
