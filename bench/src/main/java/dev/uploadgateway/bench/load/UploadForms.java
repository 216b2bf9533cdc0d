package dev.uploadgateway.bench.load;

import dev.uploadgateway.testkit.MultipartForm;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The request each target gets for one file: the provider's own files API (Bearer key,
 * {@code purpose=file-extract}) for the emulator and nginx, the gateway's {@code /api/uploads}
 * (provider {@code kimi}, a fresh stickiness key) for both gateway paths. The body streams the
 * file from disk.
 */
public final class UploadForms {

    private UploadForms() {
    }

    /** {@code base}/v1/files, as an OpenAI-style SDK sends it. */
    public static Supplier<HttpRequest> provider(URI base, String apiKey, Path file, Duration timeout) {
        URI uri = base.resolve("/v1/files");
        return () -> {
            MultipartForm form = new MultipartForm().field("purpose", "file-extract");
            return request(uri, form, file, timeout).header("Authorization", "Bearer " + apiKey).build();
        };
    }

    /** {@code base}/api/uploads on the gateway. */
    public static Supplier<HttpRequest> gateway(URI base, Path file, Duration timeout) {
        URI uri = base.resolve("/api/uploads");
        return () -> {
            MultipartForm form = new MultipartForm().field("provider", "kimi");
            return request(uri, form, file, timeout).header("X-Request-Id", "bench-" + UUID.randomUUID()).build();
        };
    }

    private static HttpRequest.Builder request(URI uri, MultipartForm form, Path file, Duration timeout) {
        try {
            form.file("file", "bench-" + file.getFileName(), "application/octet-stream", file);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("test file is gone: " + file, e);
        }
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", form.contentType())
                .header("Accept", "application/json")
                .POST(form.publisher());
    }
}
