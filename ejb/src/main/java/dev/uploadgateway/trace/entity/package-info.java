/**
 * What the rest of the gateway may know about tracing without reaching its control: whether
 * telemetry is on. Decided by configuration, not by the current span, which Payara makes valid even
 * when telemetry is off.
 */
package dev.uploadgateway.trace.entity;
