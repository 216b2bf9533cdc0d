package dev.uploadgateway.emulator;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A multipart/form-data body built the way an SDK sends it, streaming file parts from disk. */
final class MultipartForm {

    private final String boundary = "emulator-test-" + UUID.randomUUID();
    private final List<BodyPublisher> parts = new ArrayList<>();

    MultipartForm field(String name, String value) {
        parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n"));
        return this;
    }

    MultipartForm file(String name, String filename, Path content) throws FileNotFoundException {
        parts.add(fileHead(name, filename));
        parts.add(BodyPublishers.ofFile(content));
        parts.add(text("\r\n"));
        return this;
    }

    MultipartForm file(String name, String filename, byte[] content) {
        parts.add(fileHead(name, filename));
        parts.add(BodyPublishers.ofByteArray(content));
        parts.add(text("\r\n"));
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    BodyPublisher publisher() {
        List<BodyPublisher> all = new ArrayList<>(parts);
        all.add(text("--" + boundary + "--\r\n"));
        return BodyPublishers.concat(all.toArray(BodyPublisher[]::new));
    }

    private BodyPublisher fileHead(String name, String filename) {
        return text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    }

    private static BodyPublisher text(String text) {
        return BodyPublishers.ofByteArray(text.getBytes(StandardCharsets.UTF_8));
    }
}
