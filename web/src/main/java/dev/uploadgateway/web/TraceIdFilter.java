package dev.uploadgateway.web;

import dev.uploadgateway.trace.entity.Telemetry;
import dev.uploadgateway.web.files.OpenAiError;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Puts the trace id of the request's server span into its error bodies ({@code traceId}: an RFC 9457
 * extension member of a problem, a member of an OpenAI-style {@code error}), so support finds the
 * trace from what the client got. Payara's server span is current only from request matching until
 * the resource method returns, and an async upload's error is mapped on the thread that ended it:
 * the id is taken here, before the guards that may refuse the request, and kept with the request.
 */
@Priority(Priorities.AUTHENTICATION - 200)
public class TraceIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String TRACE_ID = "dev.uploadgateway.trace-id";

    /** Read once: Payara reads it once, at deployment. */
    private final boolean on = Telemetry.on(ConfigProvider.getConfig());

    @Override
    public void filter(ContainerRequestContext request) {
        if (!on) {
            return; // Payara's server span is valid even then, in a trace that goes nowhere
        }
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            request.setProperty(TRACE_ID, span.getTraceId());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400 && request.getProperty(TRACE_ID) instanceof String traceId) {
            Object entity = response.getEntity();
            if (entity instanceof Problem problem) {
                response.setEntity(problem.tracedIn(traceId));
            } else if (entity != null) {
                response.setEntity(OpenAiError.tracedIn(entity, traceId));
            }
        }
    }
}
