package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.fail;

import dev.uploadgateway.testkit.MultipartForm;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** A client of the gateway under test, on loopback, speaking HTTP/1.1 like most SDKs. */
final class GatewayClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final URI base;

    private GatewayClient(URI base) {
        this.base = base;
    }

    /** Arquillian reports a non-loopback host and the archive's context; the API is at the root. */
    static GatewayClient at(URL deployment) {
        return new GatewayClient(URI.create("http://127.0.0.1:" + deployment.getPort() + "/"));
    }

    record Answer(int status, HttpHeaders headers, String body) {
        JsonObject json() {
            if (body.isBlank()) {
                throw new AssertionError("status " + status + " with an empty body, where JSON was expected; headers "
                        + headers.map());
            }
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        JsonStructure jsonStructure() {
            if (body.isBlank()) {
                throw new AssertionError("status " + status + " with an empty body, where JSON was expected; headers "
                        + headers.map());
            }
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Answer upload(Path file, String filename, String contentType, String stickinessKey, Map<String, String> fields)
            throws IOException, InterruptedException {
        MultipartForm form = new MultipartForm();
        fields.forEach(form::field);
        form.file("file", filename, contentType, file);
        return post("api/uploads", form, stickinessKey);
    }

    Answer post(String path, MultipartForm form, String stickinessKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", form.contentType())
                .POST(form.publisher());
        if (stickinessKey != null) {
            request.header("X-Request-Id", stickinessKey);
        }
        return send(request.build());
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers(), response.body());
    }

    /** Polls {@code GET /api/rollout} until it shows what a config change should have made it show (at most 20 s). */
    void awaitRollout(Predicate<JsonObject> shows, String what) {
        AtomicReference<JsonObject> last = new AtomicReference<>();
        try {
            Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().until(() -> {
                        Answer answer = get("api/rollout");
                        if (answer.status() != 200) {
                            return false;
                        }
                        last.set(answer.json());
                        return shows.test(last.get());
                    });
        } catch (ConditionTimeoutException e) {
            fail("the gateway did not pick up " + what + " within 20 s; last seen " + last.get());
        }
    }
}
