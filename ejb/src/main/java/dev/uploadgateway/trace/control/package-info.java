/**
 * One trace per upload (MicroProfile Telemetry): the spans an upload makes below Payara's JAX-RS
 * server span (intake, each delivery attempt, the fallback, a recovery after a restart), the W3C
 * {@code traceparent} stored with its record so a resumed upload joins its original trace, and the
 * header injected into the provider requests, which Payara does not instrument. Payara creates an
 * application's OpenTelemetry SDK the first time its {@code Tracer} or {@code OpenTelemetry} bean is
 * used, and traces every JAX-RS request from then on, even with {@code otel.sdk.disabled=true}, with
 * an SDK that exports nothing (and in 6.2025.10 something in Payara itself does so at startup: the
 * server spans are valid with telemetry off). So with telemetry off this component never touches those
 * beans, every call is a no-op, and no trace id is stored or shown ({@link UploadSpans#on()}).
 */
package dev.uploadgateway.trace.control;
