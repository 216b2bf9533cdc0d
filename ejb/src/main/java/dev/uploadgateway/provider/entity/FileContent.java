package dev.uploadgateway.provider.entity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The bytes of an upload as a provider sees them: the legacy path's whole-file array, the async
 * path's spool file that is streamed and never loaded, or a body still arriving from the client
 * that is forwarded while it is received.
 */
public sealed interface FileContent {

    /** The unit in which content is copied: large enough that per-call costs vanish, small enough for bounded heap. */
    int CHUNK = 64 * 1024;

    /** The exact length in bytes, or -1 when it is not known before the last byte arrives. */
    long size();

    /**
     * Writes the content to {@code out}, blocking while a live body waits for its next bytes. An
     * IOException from a live body means the client's body was cut short or refused: the caller
     * must abort whatever it was sending, so nobody stores a truncated file.
     */
    void writeTo(OutputStream out) throws IOException;

    /** Writes the content to {@code target}, replacing it. */
    default void copyTo(Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            writeTo(out);
        }
    }

    /** The legacy path: the whole file in heap. */
    record InMemory(byte[] bytes) implements FileContent {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes);
        }

        @Override
        public void copyTo(Path target) throws IOException {
            Files.write(target, bytes);
        }
    }

    /** The async path: a spool file on disk, streamed on every attempt. */
    record Spooled(Path file, long size) implements FileContent {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[CHUNK];
                long left = size;
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        throw new IOException("spool file " + file.getFileName() + " ends " + left + " bytes short");
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
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

    /**
     * A body forwarded while the client is still sending it: {@code source} writes the bytes as
     * they arrive and returns once the last one is in and the gateway has taken the upload on.
     *
     * @param size the length when the request's framing tells it in advance, else -1 (chunked)
     */
    record Live(Source source, long size) implements FileContent {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            source.writeTo(out);
        }
    }

    /** What a {@link Live} body is read from; implemented where the body is received. */
    @FunctionalInterface
    interface Source {
        void writeTo(OutputStream out) throws IOException;
    }
}
