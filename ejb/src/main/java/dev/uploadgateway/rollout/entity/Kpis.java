package dev.uploadgateway.rollout.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of the current stage, the evidence an evaluation rests on.
 * <p>
 * Async rates are over the uploads sent to the async path ({@code asyncUploads + fallbackUploads}):
 * {@code asyncSuccess} counts only what the async path delivered, so an upload the sync fallback
 * rescued is an async failure; {@code asyncError} counts what failed for the user. The stage-wide
 * bounds are at the promotion's confidence, the recent window's at the rollback's.
 * <p>
 * Latencies are raw durations of successful uploads, not per megabyte: sticky bucketing gives both
 * paths the same mix of files, raw time is what users feel, and per-megabyte figures would be ruled
 * by the fixed cost of small files. The sync side is this stage's own sync uploads when there are
 * enough of them, else the baseline carried from earlier stages ({@code syncFromBaseline}). Ratios
 * are async over sync and null when either side has too few samples to judge.
 *
 * @param criticalErrors async outcomes by critical error class, only classes seen
 * @param heapGrowth heap now over heap at stage start, minus one (0.25 = 25 % more); 0 if unknown
 */
public record Kpis(int stageIndex, double percent, Instant stageStartedAt, Duration timeInStage,
        long asyncUploads, long asyncSucceeded, long fallbackUploads, long fallbackSucceeded,
        long syncUploads, long syncSucceeded,
        Proportion asyncSuccess, Proportion asyncError, Proportion recentSuccess, Proportion recentError,
        Long asyncP50Ms, Long asyncP95Ms, Long syncP50Ms, Long syncP95Ms, boolean syncFromBaseline,
        Double p50Ratio, Double p95Ratio,
        Map<String, Long> criticalErrors, long heapAtStageStart, long heapNow, double heapGrowth) {

    public Kpis {
        criticalErrors = criticalErrors == null ? Map.of() : Map.copyOf(criticalErrors);
    }

    /** Uploads sent to the async path, including those the sync fallback delivered. */
    public long asyncAttempts() {
        return asyncUploads + fallbackUploads;
    }
}
