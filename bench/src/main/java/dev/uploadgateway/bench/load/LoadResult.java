package dev.uploadgateway.bench.load;

import java.util.Map;

/**
 * One target's figures for one cell. Latency percentiles are over successful uploads only;
 * {@code wallSeconds} runs from the first request sent to the last answer received.
 */
public record LoadResult(int sent, int ok, int errors, int timeouts, int ooms, double wallSeconds,
                         long fileBytes, Percentiles latencyMs, Map<String, Integer> details,
                         int inFlightAtHalfway, boolean drained) {

    public LoadResult {
        details = Map.copyOf(details);
    }

    public double uploadsPerSecond() {
        return wallSeconds > 0 ? ok / wallSeconds : 0;
    }

    public double mibPerSecond() {
        return uploadsPerSecond() * fileBytes / (1024.0 * 1024);
    }

    public double p50() {
        return latencyMs.at(50);
    }

    public double p95() {
        return latencyMs.at(95);
    }

    public double p99() {
        return latencyMs.at(99);
    }

    /** Errors of every kind except timeouts: refusals, 5xx, out-of-memory, broken connections. */
    public int failures() {
        return errors + ooms;
    }
}
