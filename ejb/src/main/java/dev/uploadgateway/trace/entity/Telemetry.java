package dev.uploadgateway.trace.entity;

import org.eclipse.microprofile.config.Config;

/**
 * Whether MicroProfile Telemetry is on: {@code otel.sdk.disabled=false}, read as Payara's telemetry
 * extension reads it at deployment (the application's Config, default true). A valid current span
 * does not tell: Payara 6.2025.10 gives the application an SDK without exporters and records its
 * JAX-RS server spans even when telemetry is off, and those traces go nowhere.
 */
public final class Telemetry {

    public static final String DISABLED_KEY = "otel.sdk.disabled";

    private Telemetry() {
    }

    public static boolean on(Config config) {
        return !config.getOptionalValue(DISABLED_KEY, Boolean.class).orElse(true);
    }
}
