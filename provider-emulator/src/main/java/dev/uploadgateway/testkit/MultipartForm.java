package dev.uploadgateway.testkit;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A multipart/form-data body built the way an SDK sends it, streaming file parts from disk. */
public final class MultipartForm {

    private final String boundary = "emulator-test-" + UUID.randomUUID();
    private final List<BodyPublisher> parts = new ArrayList<>();

    public MultipartForm field(String name, String value) {
        parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n"));
        return this;
    }

    public MultipartForm file(String name, String filename, Path content) throws FileNotFoundException {
        return file(name, filename, "application/octet-stream", content);
    }

    public MultipartForm file(String name, String filename, String contentType, Path content) throws FileNotFoundException {
        parts.add(fileHead(name, filename, contentType));
        parts.add(BodyPublishers.ofFile(content));
        parts.add(text("\r\n"));
        return this;
    }

    public MultipartForm file(String name, String filename, byte[] content) {
        parts.add(fileHead(name, filename, "application/octet-stream"));
        parts.add(BodyPublishers.ofByteArray(content));
        parts.add(text("\r\n"));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public BodyPublisher publisher() {
        List<BodyPublisher> all = new ArrayList<>(parts);
        all.add(text("--" + boundary + "--\r\n"));
        return BodyPublishers.concat(all.toArray(BodyPublisher[]::new));
    }

    private BodyPublisher fileHead(String name, String filename, String contentType) {
        return text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
    }

    private static BodyPublisher text(String text) {
        return BodyPublishers.ofByteArray(text.getBytes(StandardCharsets.UTF_8));
    }
}
