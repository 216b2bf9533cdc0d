package dev.uploadgateway.bench.plan;

/**
 * One system under load. Four of them front the same provider emulator on loopback; payara-floor
 * answers by itself, after reading and hashing the body, as the least an upload can cost on the
 * gateway's server.
 */
public enum Target {

    DIRECT("direct", "load generator straight to the emulator: the physical limit here"),
    SYNC("gateway-sync", "the gateway with async.upload.rollout = 0 (legacy path, file in heap)"),
    ASYNC("gateway-async", "the gateway with async.upload.rollout = 100 (spool, @Asynchronous delivery)"),
    NGINX("nginx", "nginx as a streaming reverse proxy (proxy_request_buffering off) to the emulator"),
    FLOOR("payara-floor", "a bare JAX-RS endpoint on the gateway's Payara Micro, same JVM flags and heap: reads the same"
            + " request, SHA-256-hashes the body and answers 201 at once (no parsing, spool, records or delivery):"
            + " what the server itself costs");

    private final String label;
    private final String description;

    Target(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public boolean gateway() {
        return this == SYNC || this == ASYNC;
    }

    /** The rollout percentage that routes every request to this gateway path. */
    public int rolloutPercent() {
        if (!gateway()) {
            throw new IllegalStateException(label + " is not a gateway path");
        }
        return this == ASYNC ? 100 : 0;
    }
}
