package dev.uploadgateway.rollout.entity;

import java.time.Duration;
import java.util.Set;

/**
 * When the controller stops a stage. A rollback needs evidence: the recent window's confidence
 * bound (at {@code rollbackZ}), not its point estimate, must cross the line, and only once the
 * window is full, so a handful of unlucky uploads cannot roll back. {@code rollbackZ} is lower than
 * the promotion's {@code confidenceZ} on purpose: promotion must prove health, a rollback only needs
 * the preponderance of evidence to stop harm quickly. A heap spike or a critical error class
 * rolls back at once. Review only flags a stage for a human; latency never rolls back.
 *
 * @param heapSpikeAbove growth of the heap over its size at stage start, as a fraction (0.20 = 20 %)
 * @param recentWindow the last so many async outcomes, and the least number of outcomes any rate or
 *                     percentile is judged on
 */
public record Triggers(double rollbackSuccessBelow, double rollbackErrorAbove, double heapSpikeAbove,
        long heapSpikeMinBytes, Set<String> criticalErrorClasses, double reviewSuccessBelow,
        Duration reviewSustain, double reviewLatencyAbove, int recentWindow, double confidenceZ,
        double rollbackZ) {

    public Triggers {
        criticalErrorClasses = Set.copyOf(criticalErrorClasses);
        if (recentWindow < 1 || confidenceZ <= 0 || rollbackZ <= 0) {
            throw new IllegalArgumentException("the recent window and both z values must be positive");
        }
    }
}
