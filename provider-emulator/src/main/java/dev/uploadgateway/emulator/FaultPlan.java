package dev.uploadgateway.emulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The faults armed for coming uploads, taken first-armed-first-served so that, say, two failures
 * followed by a hang hit three consecutive uploads in that order; plus the latency added to every
 * upload answer. Thread-safe: knobs are turned from tests or the control plane while uploads run.
 */
final class FaultPlan {

    static final int MAX_ARMED = 1_000_000;

    private final Duration baselineLatency;
    private final Queue<Fault> armed = new ConcurrentLinkedQueue<>();
    private volatile Duration latency;

    FaultPlan(Duration baselineLatency) {
        this.baselineLatency = requireNotNegative(baselineLatency);
        this.latency = baselineLatency;
    }

    void latency(Duration latency) {
        this.latency = requireNotNegative(latency);
    }

    Duration latency() {
        return latency;
    }

    void arm(int uploads, Fault fault) {
        if (uploads < 0 || uploads > MAX_ARMED) {
            throw new IllegalArgumentException("n must be 0.." + MAX_ARMED + ", was " + uploads);
        }
        for (int i = 0; i < uploads; i++) {
            armed.add(fault);
        }
    }

    /** The fault for the upload now arriving; {@link Fault#NONE} when nothing is armed. */
    Fault next() {
        Fault fault = armed.poll();
        return fault == null ? Fault.NONE : fault;
    }

    int armed() {
        return armed.size();
    }

    /** Disarms everything and puts latency back to what the emulator was started with. */
    void clear() {
        armed.clear();
        latency = baselineLatency;
    }

    private static Duration requireNotNegative(Duration duration) {
        if (Objects.requireNonNull(duration, "latency").isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + duration);
        }
        return duration;
    }
}
