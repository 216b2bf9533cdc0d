package dev.uploadgateway.trace.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadSpansTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String SPAN = "b7ad6b7169203331";

    private static Context requestSpan() {
        return Context.root().with(Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(),
                TraceState.builder().put("vendor", "x").build())));
    }

    @Test
    void storesTheRequestSpanAsAW3cTraceparent() {
        assertEquals("00-" + TRACE + "-" + SPAN + "-01", UploadSpans.traceparent(requestSpan()));
        assertEquals(TRACE, UploadSpans.traceId(requestSpan()));
    }

    @Test
    void storesNothingWithoutAValidSpanAsWithTelemetryOff() {
        assertNull(UploadSpans.traceparent(Context.root()));
        assertNull(UploadSpans.traceId(Context.root()));
    }

    @Test
    void aStoredTraceparentIsTheRemoteParentOfTheRecovery() {
        SpanContext parent = Span.fromContext(UploadSpans.restored("00-" + TRACE + "-" + SPAN + "-01")).getSpanContext();

        assertTrue(parent.isValid());
        assertTrue(parent.isRemote());
        assertEquals(TRACE, parent.getTraceId());
        assertEquals(SPAN, parent.getSpanId());
        assertTrue(parent.isSampled());
    }

    @Test
    void aMissingOrMalformedTraceparentStartsANewTrace() {
        assertFalse(Span.fromContext(UploadSpans.restored(null)).getSpanContext().isValid());
        assertFalse(Span.fromContext(UploadSpans.restored("00-not-a-trace-01")).getSpanContext().isValid());
        assertFalse(Span.fromContext(UploadSpans.restored("00-" + "0".repeat(32) + "-" + SPAN + "-01")).getSpanContext().isValid(),
                "an all-zero trace id is invalid");
    }

    @Test
    void offRecordsNothingAndSendsNoHeaders() {
        UploadSpans off = UploadSpans.off();
        Span attempt = off.attempt(Context.root(), "u-1", "kimi", 1, "async");
        Map<String, String> headers = new HashMap<>();
        try (Scope current = attempt.makeCurrent()) {
            off.inject(headers, Map::put);
        }
        attempt.end();

        assertFalse(off.on(), "nothing is stored or shown");
        assertFalse(attempt.isRecording());
        assertFalse(attempt.getSpanContext().isValid());
        assertEquals(Map.of(), headers);
        assertFalse(off.intake().getSpanContext().isValid());
    }

    @Test
    void offKeepsTheParentOfAResumedUploadWithoutRecording() {
        Span recovery = UploadSpans.off().recovery("00-" + TRACE + "-" + SPAN + "-01", "u-1", "kimi", 1);

        assertFalse(recovery.isRecording());
        assertNull(UploadSpans.traceparent(Context.root()), "nothing new is stored");
    }
}
