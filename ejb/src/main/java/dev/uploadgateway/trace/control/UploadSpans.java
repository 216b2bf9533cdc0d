package dev.uploadgateway.trace.control;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import dev.uploadgateway.trace.entity.Telemetry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;

/**
 * The spans of an upload and the trace context it carries. Span names and attribute keys are
 * stable (README, "One trace per upload"); a span is started here and ended by its caller.
 */
@ApplicationScoped
public class UploadSpans {

    public static final String INTAKE = "intake";
    public static final String ATTEMPT = "attempt";
    public static final String FALLBACK = "fallback";
    public static final String RECOVERY = "recovery";

    public static final AttributeKey<String> UPLOAD_ID = AttributeKey.stringKey("upload.id");
    public static final AttributeKey<Long> BYTES = AttributeKey.longKey("upload.bytes");
    public static final AttributeKey<String> SHA256 = AttributeKey.stringKey("upload.sha256");
    public static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("upload.provider");
    public static final AttributeKey<String> PATH = AttributeKey.stringKey("upload.path");
    public static final AttributeKey<Long> ATTEMPT_NUMBER = AttributeKey.longKey("upload.attempt");
    public static final AttributeKey<Long> RETRY = AttributeKey.longKey("upload.retry");
    public static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    public static final AttributeKey<Long> RETRY_AFTER = AttributeKey.longKey("upload.retry_after_seconds");
    public static final AttributeKey<String> FAILURE = AttributeKey.stringKey("upload.failure_class");
    public static final AttributeKey<Long> EARLIER_ATTEMPTS = AttributeKey.longKey("upload.earlier_attempts");

    /** The instrumentation scope of the gateway's own spans. */
    static final String SCOPE = "dev.uploadgateway";
    private static final String TRACEPARENT = "traceparent";
    private static final UploadSpans OFF = new UploadSpans(OpenTelemetry.noop(), false);

    @Inject
    Config config;
    /** Payara's SDK for this application; resolved only when telemetry is on (see package-info). */
    @Inject
    Instance<OpenTelemetry> telemetry;

    private boolean on;
    private Tracer tracer;
    private TextMapPropagator propagator;

    protected UploadSpans() {
        // for CDI
    }

    UploadSpans(OpenTelemetry openTelemetry, boolean on) {
        use(openTelemetry, on);
    }

    /** Spans that are never recorded and a propagator that sends nothing: what telemetry off means. */
    public static UploadSpans off() {
        return OFF;
    }

    @PostConstruct
    void start() {
        boolean enabled = Telemetry.on(config);
        use(enabled ? telemetry.get() : OpenTelemetry.noop(), enabled);
    }

    private void use(OpenTelemetry openTelemetry, boolean enabled) {
        on = enabled;
        tracer = openTelemetry.getTracer(SCOPE);
        propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /**
     * The intake of an upload's body, a child of the span current on the request thread (the JAX-RS
     * server span). Not made current: the forwarded first attempt, started during the intake, is the
     * request's child beside it, not the intake's.
     */
    public Span intake() {
        return tracer.spanBuilder(INTAKE).startSpan();
    }

    /** What the intake took in. */
    public static void received(Span intake, long bytes, String sha256) {
        intake.setAttribute(BYTES, bytes);
        intake.setAttribute(SHA256, sha256);
    }

    /**
     * One delivery attempt, the {@code attempt}-th of the upload (retry {@code attempt - 1}); the
     * provider client adds the answer's status and Retry-After to it while it is current.
     */
    public Span attempt(Context parent, String uploadId, String provider, int attempt, String path) {
        return tracer.spanBuilder(ATTEMPT).setParent(parent).setSpanKind(SpanKind.CLIENT)
                .setAttribute(UPLOAD_ID, uploadId)
                .setAttribute(PROVIDER, provider)
                .setAttribute(ATTEMPT_NUMBER, (long) attempt)
                .setAttribute(RETRY, (long) attempt - 1)
                .setAttribute(PATH, path)
                .startSpan();
    }

    /** The async path gave up after {@code attempts} attempts with {@code failureClass}; the sync path's try is its child. */
    public Span fallback(Context parent, String uploadId, String provider, int attempts, String failureClass) {
        return tracer.spanBuilder(FALLBACK).setParent(parent)
                .setAttribute(UPLOAD_ID, uploadId)
                .setAttribute(PROVIDER, provider)
                .setAttribute(EARLIER_ATTEMPTS, (long) attempts)
                .setAttribute(FAILURE, failureClass)
                .startSpan();
    }

    /**
     * An upload resumed after a restart or taken over from a gone node: a child of the span stored
     * with it ({@code traceparent}), so it joins the upload's original trace; a new trace without one.
     */
    public Span recovery(String traceparent, String uploadId, String provider, int earlierAttempts) {
        return tracer.spanBuilder(RECOVERY).setParent(restored(traceparent))
                .setAttribute(UPLOAD_ID, uploadId)
                .setAttribute(PROVIDER, provider)
                .setAttribute(EARLIER_ATTEMPTS, (long) earlierAttempts)
                .startSpan();
    }

    /** The provider's answer, on the attempt span current on this thread (a no-op when there is none). */
    public static void answered(int status, Optional<Duration> retryAfter) {
        Span current = Span.current();
        current.setAttribute(STATUS, (long) status);
        retryAfter.ifPresent(wait -> current.setAttribute(RETRY_AFTER, wait.toSeconds()));
    }

    /**
     * Runs {@code work} with {@code span} current, so what it calls (the provider client) adds to it;
     * a failure marks the span failed and is thrown on; the span ends either way.
     */
    public static <T> T within(Span span, Supplier<T> work) {
        try (Scope current = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** Marks {@code span} failed with {@code failure}'s class and message. */
    public static void failed(Span span, Throwable failure) {
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        span.recordException(failure);
    }

    /** Adds the current trace context's headers (W3C {@code traceparent}, {@code tracestate}) to an outgoing request. */
    public <C> void inject(C request, TextMapSetter<C> header) {
        propagator.inject(Context.current(), request, header);
    }

    /**
     * Whether the gateway's traces go anywhere ({@link Telemetry#on}); only then is a trace id worth
     * storing or showing. A valid span alone does not say so (see {@link Telemetry}).
     */
    public boolean on() {
        return on;
    }

    /** The trace id of the span current in {@code context}, or null when it has no valid span. */
    public static String traceId(Context context) {
        SpanContext span = Span.fromContext(context).getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }

    /**
     * The W3C {@code traceparent} of the span current in {@code context}, as stored with an upload so
     * that a restart resumes it in the same trace; null when it has no valid span.
     */
    public static String traceparent(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> headers = new HashMap<>(4);
        W3CTraceContextPropagator.getInstance().inject(context, headers, Map::put);
        return headers.get(TRACEPARENT);
    }

    /** The remote parent a stored {@code traceparent} names; the root context for null or a malformed value. */
    public static Context restored(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, OneHeader.TRACEPARENT);
    }

    /** Reads a stored traceparent as the one header of a carrier. */
    private enum OneHeader implements TextMapGetter<String> {
        TRACEPARENT;

        @Override
        public Iterable<String> keys(String carrier) {
            return java.util.List.of(UploadSpans.TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return UploadSpans.TRACEPARENT.equals(key) ? carrier : null;
        }
    }
}
