package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.Kpis;
import dev.uploadgateway.rollout.entity.Outcome;
import dev.uploadgateway.rollout.entity.RecentOutcomes;
import dev.uploadgateway.rollout.entity.RolloutState;
import dev.uploadgateway.rollout.entity.Triggers;
import dev.uploadgateway.upload.entity.UploadPath;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The outcomes of the current stage, kept in fixed memory however many uploads there are: counters,
 * one latency histogram per path, a ring of the last async outcomes and error counts by class
 * (at most {@value #ERROR_CLASSES} classes; more fall under "other"), in a {@link StageTally}.
 * Recording is called on every upload, so it takes no lock and does constant work; a new stage
 * swaps in a new tally, and the KPIs are read from the tally without stopping the uploads.
 * Thread-safe.
 */
public class StageWindow {

    static final int ERROR_CLASSES = 64;
    private final int recentWindow;
    private volatile StageTally tally;

    /** @param recentWindow how many async outcomes the recent window holds ({@link Triggers#recentWindow()}) */
    public StageWindow(int recentWindow) {
        this.recentWindow = recentWindow;
        tally = new StageTally(recentWindow);
    }

    /** Counts one finished upload and answers the recent window as it stands after it. */
    public RecentOutcomes record(Outcome outcome) {
        return tally.record(outcome);
    }

    /** Forgets everything: a new stage begins. An upload recorded meanwhile counts in the stage before. */
    public void reset() {
        tally = new StageTally(recentWindow);
    }

    /**
     * The stage as it stands at {@code now}, for the position and baseline {@code state} holds. Read
     * while uploads are recorded, each figure counts some of them; successes are read before uploads,
     * which are counted first, so no rate ever exceeds one.
     */
    public Kpis kpis(Instant now, long heapNow, RolloutState state, Triggers t) {
        StageTally s = tally;
        int judgeable = s.recent.capacity();
        long asyncOk = s.succeeded(UploadPath.ASYNC);
        long fallbackOk = s.succeeded(UploadPath.SYNC_FALLBACK);
        long syncOk = s.succeeded(UploadPath.SYNC);
        long async = s.uploads(UploadPath.ASYNC);
        long fallback = s.uploads(UploadPath.SYNC_FALLBACK);
        long sync = s.uploads(UploadPath.SYNC);
        long attempts = async + fallback;
        long userFailures = attempts - asyncOk - fallbackOk;
        LatencyHistogram asyncLatency = s.asyncLatency;
        LatencyHistogram syncLatency = s.syncLatency;
        boolean fromBaseline = syncLatency.count() < judgeable && state.baselineSyncP95Ms() != null;
        Long syncP50 = fromBaseline ? state.baselineSyncP50Ms() : syncLatency.percentile(0.50);
        Long syncP95 = fromBaseline ? state.baselineSyncP95Ms() : syncLatency.percentile(0.95);
        boolean comparable = asyncLatency.count() >= judgeable && (fromBaseline || syncLatency.count() >= judgeable);
        Long asyncP50 = asyncLatency.percentile(0.50);
        Long asyncP95 = asyncLatency.percentile(0.95);
        RecentOutcomes r = s.recent.outcomes();
        long heapStart = state.heapAtStageStart();
        return new Kpis(state.stageIndex(), state.percent(), state.stageStartedAt(),
                Duration.between(state.stageStartedAt(), now), async, asyncOk, fallback, fallbackOk, sync, syncOk,
                Wilson.proportion(asyncOk, attempts, t.confidenceZ()),
                Wilson.proportion(userFailures, attempts, t.confidenceZ()),
                Wilson.proportion(r.successes(), r.trials(), t.rollbackZ()),
                Wilson.proportion(r.errors(), r.trials(), t.rollbackZ()),
                asyncP50, asyncP95, syncP50, syncP95, fromBaseline,
                comparable ? ratio(asyncP50, syncP50) : null, comparable ? ratio(asyncP95, syncP95) : null,
                critical(s, t), heapStart, heapNow, heapStart > 0 ? (double) (heapNow - heapStart) / heapStart : 0);
    }

    /** The current stage's async error counts by class. */
    Map<String, Long> asyncErrorsByClass() {
        return tally.asyncErrorsByClass();
    }

    private static Map<String, Long> critical(StageTally s, Triggers t) {
        Map<String, Long> byClass = s.asyncErrorsByClass();
        if (byClass.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> critical = new HashMap<>();
        for (String errorClass : t.criticalErrorClasses()) {
            Long count = byClass.get(errorClass);
            if (count != null) {
                critical.put(errorClass, count);
            }
        }
        return critical;
    }

    private static Double ratio(Long async, Long sync) {
        return async == null || sync == null || sync == 0 ? null : (double) async / sync;
    }
}
