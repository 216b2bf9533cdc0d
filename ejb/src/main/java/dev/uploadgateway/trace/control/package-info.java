/**
 * One trace per upload (MicroProfile Telemetry): the spans an upload makes below Payara's JAX-RS
 * server span (intake, each delivery attempt, the fallback, a recovery after a restart), the W3C
 * {@code traceparent} stored with its record so a resumed upload joins its original trace, and the
 * header injected into the provider requests, which Payara does not instrument. Payara creates an
 * application's OpenTelemetry SDK the first time its {@code Tracer} or {@code OpenTelemetry} bean is
 * used, and traces every JAX-RS request from then on, even with {@code otel.sdk.disabled=true}; so
 * with telemetry off this component never touches them and every call is a no-op.
 */
package dev.uploadgateway.trace.control;
