package dev.uploadgateway.bench.plan;

/** One system under load; all four front the same provider emulator on loopback. */
public enum Target {

    DIRECT("direct", "load generator straight to the emulator: the physical limit here"),
    SYNC("gateway-sync", "the gateway with async.upload.rollout = 0 (legacy path, file in heap)"),
    ASYNC("gateway-async", "the gateway with async.upload.rollout = 100 (spool, @Asynchronous delivery)"),
    NGINX("nginx", "nginx as a streaming reverse proxy (proxy_request_buffering off) to the emulator");

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
