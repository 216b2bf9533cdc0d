package dev.uploadgateway.rollout.entity;

import java.time.Duration;

/**
 * What a stage must show before the rollout moves on. Rates are fractions (0.995 = 99.5 %); the
 * success rate is judged by the lower confidence bound and the error rate by the upper one, so a
 * stage is promoted on evidence, not on a lucky point estimate. The latency ratio compares the
 * async p95 with the sync p95.
 */
public record Criteria(double minSuccessRate, double maxErrorRate, double maxLatencyRatio, long minUploads,
        Duration minDuration) {

    public Criteria {
        if (minUploads < 0 || minDuration == null || minDuration.isNegative()) {
            throw new IllegalArgumentException("criteria need 0 or more uploads and a duration, were "
                    + minUploads + " and " + minDuration);
        }
    }

    /**
     * The baseline stage's criteria: it only collects sync uploads to measure the latency the async
     * path will be compared with, so its rate fields are unused (and neutral: 0, 1 and 0).
     */
    public static Criteria baseline(long minSyncUploads, Duration minDuration) {
        return new Criteria(0, 1, 0, minSyncUploads, minDuration);
    }
}
