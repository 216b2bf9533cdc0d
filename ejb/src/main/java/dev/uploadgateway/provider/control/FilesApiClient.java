package dev.uploadgateway.provider.control;

import dev.uploadgateway.provider.entity.FileContent;
import dev.uploadgateway.provider.entity.ProviderFile;
import dev.uploadgateway.provider.entity.ProviderRejected;
import dev.uploadgateway.provider.entity.ProviderUnavailable;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The client of an OpenAI-style files API (Kimi and GLM): uploads, lists, downloads and deletes.
 * An upload is one {@code multipart/form-data} POST (both share the form: {@code purpose} and
 * {@code file}); its body is the concatenation of a small head,
 * the content's own publisher and a tail, so a spooled file is streamed with an exact
 * Content-Length and never copied into heap.
 */
@ApplicationScoped
public class FilesApiClient {

    /** Once: Json's static factories look the provider up again on every call (10 % of CPU, measured). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(FilesApiClient.class.getName());
    private static final int MESSAGE_LIMIT = 300;

    @Inject
    @ConfigProperties
    ProviderSettings settings;

    private Supplier<HttpClient> clients;
    private volatile HttpClient client;

    @PostConstruct
    void init() {
        // HTTP/1.1 pinned: the default h2c upgrade attempt breaks many plain-HTTP servers.
        init(() -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(settings.connectTimeoutSeconds))
                .build());
    }

    void init(Supplier<HttpClient> factory) {
        clients = factory;
        client = factory.get();
    }

    /**
     * Replaces a client that can no longer send. An OutOfMemoryError in one of the JDK client's own
     * threads stops it for good (its executor terminated, every later request rejected), which in
     * the benchmark left the gateway unable to deliver anything until restarted.
     */
    private synchronized void replace(HttpClient dead, Throwable why) {
        if (client == dead) {
            LOG.log(Level.WARNING, "The provider HTTP client stopped ({0}); replacing it", why.toString());
            client = clients.get();
        }
    }

    private static boolean stopsTheClient(Throwable t) {
        return t instanceof RejectedExecutionException || t instanceof OutOfMemoryError;
    }

    public ProviderFile send(ProviderConfig provider, String path, String filename, String contentType,
                             String purpose, FileContent content) {
        String apiKey = provider.apiKey().orElseThrow(() -> new ProviderRejected(provider.name(), "no API key is configured for provider '" + provider.name() + "'"));
        String boundary = "upload-gateway-" + UUID.randomUUID();
        HttpRequest request = HttpRequest.newBuilder(URI.create(provider.baseUrl() + path))
                .timeout(provider.requestTimeout())
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(BodyPublishers.concat(
                        BodyPublishers.ofByteArray(head(boundary, filename, contentType, purpose)),
                        content.publisher(),
                        BodyPublishers.ofByteArray(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII))))
                .build();
        return answer(provider.name(), exchange(provider.name(), request));
    }

    /**
     * Looks in the provider's file list for a file this gateway sent: same name and size, created
     * no earlier than {@code since} (to the second, as the API reports it).
     */
    public Optional<ProviderFile> find(ProviderConfig provider, String path, String filename, long bytes, Instant since) {
        HttpRequest request = authorized(provider, path).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = exchange(provider.name(), request);
        if (response.statusCode() != 200) {
            throw new ProviderUnavailable(provider.name(), provider.name()
                    + " could not list files: " + message(response.body()), null);
        }
        try (JsonReader reader = JSON.createReader(new StringReader(response.body()))) {
            return reader.readObject().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .filter(f -> filename.equals(f.getString("filename", null)))
                    .filter(f -> f.getJsonNumber("bytes") != null && f.getJsonNumber("bytes").longValue() == bytes)
                    .filter(f -> f.getJsonNumber("created_at") == null
                            || f.getJsonNumber("created_at").longValue() >= since.getEpochSecond())
                    .findFirst()
                    .map(f -> new ProviderFile(f.getString("id"), bytes, f.getString("purpose", null)));
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new ProviderRejected(provider.name(), provider.name() + " listed files in an unreadable form");
        }
    }

    /** Streams {@code GET {base}{path}/{id}/content}. */
    public InputStream content(ProviderConfig provider, String path, String fileId) {
        HttpResponse<InputStream> response = exchange(provider.name(),
                authorized(provider, path + "/" + fileId + "/content").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                answer(provider.name(), response.statusCode(), new String(body.readNBytes(4096), StandardCharsets.UTF_8),
                        response.headers());
            } catch (IOException e) {
                throw new ProviderUnavailable(provider.name(), "reading the provider's error failed", e);
            }
        }
        return response.body();
    }

    /** {@code DELETE {base}{path}/{id}}; a 404 means it is gone already. */
    public void delete(ProviderConfig provider, String path, String fileId) {
        HttpResponse<String> response = exchange(provider.name(),
                authorized(provider, path + "/" + fileId).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 404 && response.statusCode() >= 300) {
            answer(provider.name(), response.statusCode(), response.body(), response.headers());
        }
    }

    private HttpRequest.Builder authorized(ProviderConfig provider, String path) {
        String apiKey = provider.apiKey().orElseThrow(() -> new ProviderRejected(provider.name(), "no API key is configured for provider '" + provider.name() + "'"));
        return HttpRequest.newBuilder(URI.create(provider.baseUrl() + path))
                .timeout(provider.requestTimeout())
                .header("Authorization", "Bearer " + apiKey);
    }

    private HttpResponse<String> exchange(String name, HttpRequest request) {
        return exchange(name, request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private <T> HttpResponse<T> exchange(String name, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        HttpClient used = client;
        CompletableFuture<HttpResponse<T>> pending;
        try {
            pending = used.sendAsync(request, handler);
        } catch (RejectedExecutionException e) {
            replace(used, e);
            throw new ProviderUnavailable(name, "the HTTP client had stopped and was replaced", e);
        }
        try {
            return pending.get();
        } catch (InterruptedException e) {
            // Fault Tolerance's @Timeout interrupts this thread. Cancelling aborts the exchange so
            // a timed-out attempt cannot complete behind the retry's back. The interrupt flag is
            // deliberately not restored: FT owns the interrupt and would stop retrying if it were.
            pending.cancel(true);
            throw new ProviderUnavailable(name, "the attempt was interrupted (timed out) and aborted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (stopsTheClient(cause) || cause != null && stopsTheClient(cause.getCause())) {
                replace(used, cause);
                throw new ProviderUnavailable(name, "the HTTP client had stopped and was replaced", cause);
            }
            if (cause instanceof HttpTimeoutException) {
                throw new ProviderUnavailable(name, "the provider did not answer in time", cause);
            }
            if (cause instanceof IOException) {
                throw new ProviderUnavailable(name, "network error talking to the provider: "
                        + cause.getClass().getSimpleName(), cause);
            }
            throw new ProviderUnavailable(name, "the request to the provider failed: "
                    + cause.getClass().getSimpleName(), cause);
        }
    }

    static ProviderFile answer(String name, HttpResponse<String> response) {
        return answer(name, response.statusCode(), response.body(), response.headers());
    }

    /** The provider's answer to an upload as a file, or the failure it means. */
    static ProviderFile answer(String name, int status, String text, java.net.http.HttpHeaders headers) {
        String body = text == null ? "" : text;
        if (status == 429 || status >= 500) {
            throw new ProviderUnavailable(name, name + " answered " + status + ": " + message(body), null,
                    retryAfter(headers).orElse(null));
        }
        if (status >= 400) {
            throw new ProviderRejected(name, name + " answered " + status + ": " + message(body));
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonObject file = reader.readObject();
            return new ProviderFile(file.getString("id"),
                    file.getJsonNumber("bytes") == null ? -1 : file.getJsonNumber("bytes").longValue(),
                    file.getString("purpose", null));
        } catch (JsonException | ClassCastException | NullPointerException e) {
            // Not retried: the provider may well have stored the file, and a retry would duplicate it.
            throw new ProviderRejected(name, name + " answered " + status
                    + " with a body that is not a file object: " + abbreviate(body));
        }
    }

    /** Retry-After in seconds (RFC 9110 also allows a date, which providers do not send). */
    static Optional<Duration> retryAfter(java.net.http.HttpHeaders headers) {
        return headers.firstValue("Retry-After").flatMap(v -> {
            try {
                long seconds = Long.parseLong(v.strip());
                return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    static String message(String body) {
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonObject json = reader.readObject();
            JsonObject error = json.containsKey("error") && json.get("error") instanceof JsonObject o ? o : json;
            String message = error.getString("message", null);
            return message != null ? abbreviate(message) : abbreviate(body);
        } catch (JsonException | ClassCastException e) {
            return abbreviate(body);
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return oneLine.length() <= MESSAGE_LIMIT ? oneLine : oneLine.substring(0, MESSAGE_LIMIT) + "…";
    }

    static byte[] head(String boundary, String filename, String contentType, String purpose) {
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"purpose\"\r\n\r\n"
                + purpose + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + quoted(filename) + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n";
        return head.getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 7578 §4.2: quote and backslash are escaped; line breaks cannot occur in a stored name. */
    private static String quoted(String filename) {
        return filename.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n]", "_");
    }
}
