package dev.uploadgateway.provider.control;

import dev.uploadgateway.provider.entity.FileContent;
import dev.uploadgateway.provider.entity.ProviderFile;
import dev.uploadgateway.provider.entity.ProviderRejected;
import dev.uploadgateway.provider.entity.ProviderUnavailable;
import dev.uploadgateway.trace.control.UploadSpans;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The client of an OpenAI-style files API (Kimi and GLM): uploads, lists, downloads and deletes.
 * An upload is one {@code multipart/form-data} POST (both share the form: {@code purpose} and
 * {@code file}), written by the calling thread straight to a pooled, kept-alive connection
 * (Apache HttpClient's classic API): the async path's worker blocks on its attempt anyway, and the
 * JDK client's single selector thread was the bottleneck at 100 concurrent uploads. A spooled
 * file is streamed with an exact Content-Length and never copied into heap; a body still arriving
 * from the client is forwarded chunked, and aborted if the client's body breaks off.
 */
@ApplicationScoped
public class FilesApiClient {

    /** Once: Json's static factories look the provider up again on every call (10 % of CPU, measured). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(FilesApiClient.class.getName());
    private static final int MESSAGE_LIMIT = 300;
    private static final String INTERRUPTED = "the attempt was interrupted (timed out) and aborted";
    /** Idle connections are closed before a provider's keep-alive timeout (commonly 60 s or more) would. */
    private static final TimeValue IDLE = TimeValue.ofSeconds(30);
    private static final long EVICTION_SECONDS = 5;
    /** HTTP/1.1 as sent: no TLS upgrade offer on plain HTTP (many servers break on it), no redirects, no compression. */
    private static final RequestConfig PLAIN = RequestConfig.custom()
            .setProtocolUpgradeEnabled(false)
            .setRedirectsEnabled(false)
            .setContentCompressionEnabled(false)
            .setAuthenticationEnabled(false)
            .build();

    @Inject
    @ConfigProperties
    ProviderSettings settings;
    /** The container's timer, as BodyWatch's: it wakes exchanges whose blocked socket ignores the interrupt. */
    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    UploadSpans spans = UploadSpans.off();

    private final ExchangeWatch watch = new ExchangeWatch();
    private volatile Pool pool;
    private volatile boolean closed;
    private List<ScheduledFuture<?>> timers = List.of();

    private record Pool(PoolingHttpClientConnectionManager connections, CloseableHttpClient http) {
    }

    /** A whole answer: status, body (UTF-8, as the providers send) and Retry-After, if sent. */
    record Answer(int status, String body, String retryAfter) {
    }

    @FunctionalInterface
    private interface Exchange<T> {
        T run(CloseableHttpClient http) throws IOException;
    }

    @PostConstruct
    void open() {
        open(settings, scheduler);
    }

    void open(ProviderSettings settings, ScheduledExecutorService timer) {
        this.settings = settings;
        pool = connect();
        timers = List.of(
                timer.scheduleWithFixedDelay(watch::check, ExchangeWatch.TICK_MILLIS, ExchangeWatch.TICK_MILLIS, TimeUnit.MILLISECONDS),
                timer.scheduleWithFixedDelay(this::evict, EVICTION_SECONDS, EVICTION_SECONDS, TimeUnit.SECONDS));
    }

    @PreDestroy
    void close() {
        closed = true;
        timers.forEach(t -> t.cancel(false));
        pool.http().close(CloseMode.GRACEFUL);
    }

    private Pool connect() {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections)
                .setMaxConnPerRoute(settings.maxConnectionsPerRoute)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(settings.connectTimeoutSeconds)) // and the TLS handshake
                        .build())
                .build();
        CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(PLAIN)
                .disableAutomaticRetries() // Fault Tolerance retries, with its own policy; never a POST behind its back
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .disableConnectionState()
                .build();
        return new Pool(connections, http);
    }

    private void evict() {
        pool.connections().closeExpired();
        pool.connections().closeIdle(IDLE);
    }

    /**
     * The client, or a new one when its pool was shut down: HttpClient's exec chain closes the whole
     * connection manager when an Error (an OutOfMemoryError, say) passes through an exchange, after
     * which every request fails; the benchmark once left the gateway unable to deliver that way.
     */
    private CloseableHttpClient http() {
        Pool current = pool;
        if (current.connections().isClosed() && !closed) {
            synchronized (this) {
                if (pool == current && !closed) {
                    LOG.warning("The provider connection pool was shut down by an error in an exchange; opening a new one");
                    current.http().close(CloseMode.IMMEDIATE);
                    pool = connect();
                }
                current = pool;
            }
        }
        return current.http();
    }

    public ProviderFile send(ProviderConfig provider, String path, String filename, String contentType,
                             String purpose, FileContent content) {
        HttpPost request = authorized(provider, path, HttpPost::new);
        String boundary = "upload-gateway-" + UUID.randomUUID();
        request.setHeader("Accept", "application/json");
        request.setEntity(new MultipartBody(boundary, head(boundary, filename, contentType, purpose), content, request));
        Answer response = exchange(provider, request, http -> http.execute(request, FilesApiClient::read));
        UploadSpans.answered(response.status(), retryAfter(response.retryAfter()));
        return answer(provider.name(), response);
    }

    /**
     * Looks in the provider's file list for a file this gateway sent: same name and size, created
     * no earlier than {@code since} (to the second, as the API reports it).
     */
    public Optional<ProviderFile> find(ProviderConfig provider, String path, String filename, long bytes, Instant since) {
        HttpGet request = authorized(provider, path, HttpGet::new);
        request.setHeader("Accept", "application/json");
        Answer response = exchange(provider, request, http -> http.execute(request, FilesApiClient::read));
        if (response.status() != 200) {
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

    /**
     * Streams {@code GET {base}{path}/{id}/content}. Closing the stream gives the connection back
     * when the file was read to its end, and closes it otherwise rather than read the rest.
     */
    public InputStream content(ProviderConfig provider, String path, String fileId) {
        HttpGet request = authorized(provider, path + "/" + fileId + "/content", HttpGet::new);
        ClassicHttpResponse response = exchange(provider, request, http -> http.executeOpen(null, request, null));
        HttpEntity entity = response.getEntity();
        if (response.getCode() != 200) {
            try (InputStream body = entity == null ? InputStream.nullInputStream() : entity.getContent()) {
                answer(provider.name(), new Answer(response.getCode(), new String(body.readNBytes(4096), StandardCharsets.UTF_8),
                        value(response.getFirstHeader("Retry-After"))));
            } catch (IOException e) {
                throw new ProviderUnavailable(provider.name(), "reading the provider's error failed", e);
            } finally {
                release(response, CloseMode.IMMEDIATE);
            }
            // a 2xx or 3xx other than 200 that still parsed as a file object: not the content either
            throw new ProviderRejected(provider.name(), provider.name() + " answered " + response.getCode()
                    + " instead of the file's content");
        }
        try {
            return new FilterInputStream(entity == null ? InputStream.nullInputStream() : entity.getContent()) {
                private boolean ended;

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    ended |= b < 0;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    int n = super.read(buffer, off, len);
                    ended |= n < 0;
                    return n;
                }

                @Override
                public void close() {
                    release(response, ended ? CloseMode.GRACEFUL : CloseMode.IMMEDIATE);
                }
            };
        } catch (IOException | RuntimeException e) {
            release(response, CloseMode.IMMEDIATE);
            throw new ProviderUnavailable(provider.name(), "network error talking to the provider: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** {@code DELETE {base}{path}/{id}}; a 404 means it is gone already. */
    public void delete(ProviderConfig provider, String path, String fileId) {
        HttpDelete request = authorized(provider, path + "/" + fileId, HttpDelete::new);
        Answer response = exchange(provider, request, http -> http.execute(request, FilesApiClient::read));
        if (response.status() != 404 && response.status() >= 300) {
            answer(provider.name(), response);
        }
    }

    /** A request to {@code {base}{path}} with the provider's key and timeouts; refused before anything is sent without a key. */
    private static <R extends HttpUriRequestBase> R authorized(ProviderConfig provider, String path, Function<String, R> method) {
        String apiKey = provider.apiKey().orElseThrow(() -> new ProviderRejected(provider.name(), "no API key is configured for provider '" + provider.name() + "'"));
        R request = method.apply(provider.baseUrl() + path);
        request.setHeader("Authorization", "Bearer " + apiKey);
        Timeout timeout = Timeout.of(provider.requestTimeout());
        request.setConfig(RequestConfig.copy(PLAIN).setResponseTimeout(timeout).setConnectionRequestTimeout(timeout).build());
        return request;
    }

    private static Answer read(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        String body = entity == null ? "" : new String(EntityUtils.toByteArray(entity), StandardCharsets.UTF_8);
        return new Answer(response.getCode(), body, value(response.getFirstHeader("Retry-After")));
    }

    private static String value(Header header) {
        return header == null ? null : header.getValue();
    }

    private static void release(ClassicHttpResponse response, CloseMode mode) {
        if (response instanceof ModalCloseable closeable) {
            closeable.close(mode);
        } else {
            try {
                response.close();
            } catch (IOException e) {
                // the connection is discarded either way; nothing the caller could do about it
                LOG.fine(() -> "Closing a provider response failed: " + e);
            }
        }
    }

    /**
     * Runs one exchange on the calling thread, watched so that an interrupt or the request timeout
     * cancels it, and says what its failure means.
     */
    private <T> T exchange(ProviderConfig provider, HttpUriRequestBase request, Exchange<T> exchange) {
        String name = provider.name();
        if (Thread.interrupted()) {
            // the attempt's time is up before it began: nothing is sent, and the flag is taken (see failure)
            throw new ProviderUnavailable(name, INTERRUPTED, new InterruptedException());
        }
        // Payara traces JAX-RS clients only: the attempt's trace context goes to the provider here
        spans.inject(request, (r, header, value) -> r.setHeader(header, value));
        try (ExchangeWatch.Watched watched = watch.watch(request, provider.requestTimeout())) {
            try {
                return exchange.run(http());
            } catch (IOException | RuntimeException e) {
                throw failure(name, request, watched.aborted(), e);
            }
        }
    }

    private static RuntimeException failure(String name, HttpUriRequestBase request, ExchangeWatch.Abort aborted, Exception e) {
        Exception unread = request.getEntity() instanceof MultipartBody body ? body.unread() : null;
        if (unread instanceof RuntimeException own) {
            return own; // the content's own refusal (a client too slow, say), already aborted and for the caller to answer
        }
        // Fault Tolerance's @Timeout interrupts this thread; the watch cancelled the exchange, so a
        // timed-out attempt cannot complete behind the retry's back. The interrupt flag is taken
        // and deliberately not restored, as with the JDK client's future before: FT owns the
        // interrupt and would stop retrying if it were.
        boolean interrupted = Thread.interrupted();
        if (interrupted || aborted == ExchangeWatch.Abort.INTERRUPTED) {
            return new ProviderUnavailable(name, INTERRUPTED, unread != null ? unread : e);
        }
        if (unread != null) {
            return new ProviderUnavailable(name, "the file's bytes could not be read to the end ("
                    + unread.getClass().getSimpleName() + "); the request was aborted", unread);
        }
        if (aborted == ExchangeWatch.Abort.TIMED_OUT || e instanceof SocketTimeoutException) {
            return new ProviderUnavailable(name, "the provider did not answer in time", e);
        }
        if (e instanceof ConnectionRequestTimeoutException) {
            return new ProviderUnavailable(name, "no connection to the provider became free in time"
                    + " (provider.http.max-connections-per-route)", e);
        }
        if (e instanceof IOException) {
            return new ProviderUnavailable(name, "network error talking to the provider: " + e.getClass().getSimpleName(), e);
        }
        return new ProviderUnavailable(name, "the request to the provider failed: " + e.getClass().getSimpleName(), e);
    }

    static ProviderFile answer(String name, Answer response) {
        return answer(name, response.status(), response.body(), response.retryAfter());
    }

    /** The provider's answer to an upload as a file, or the failure it means. */
    static ProviderFile answer(String name, int status, String text, String retryAfter) {
        String body = text == null ? "" : text;
        // 411: a provider that wants a Content-Length for a chunked body gets one from the spool's retry
        if (status == 429 || status == 411 || status >= 500) {
            throw new ProviderUnavailable(name, name + " answered " + status + ": " + message(body), null,
                    retryAfter(retryAfter).orElse(null));
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

    /** Retry-After in seconds (RFC 9110 also allows a date, which providers do not send); the header's value or null. */
    static Optional<Duration> retryAfter(String value) {
        return Optional.ofNullable(value).flatMap(v -> {
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
