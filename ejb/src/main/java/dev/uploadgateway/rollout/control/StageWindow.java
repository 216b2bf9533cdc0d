package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.Kpis;
import dev.uploadgateway.rollout.entity.Outcome;
import dev.uploadgateway.rollout.entity.Proportion;
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
 * (at most {@value #ERROR_CLASSES} classes; more fall under "other"). Recording is called on every
 * upload, so it takes one uncontended lock and does constant work. Thread-safe.
 */
public class StageWindow {

    static final int ERROR_CLASSES = 64;
    private final RecentRing recent;
    private final long[] uploads = new long[UploadPath.values().length];
    private final long[] succeeded = new long[UploadPath.values().length];
    private final LatencyHistogram asyncLatency = new LatencyHistogram();
    private final LatencyHistogram syncLatency = new LatencyHistogram();
    final Map<String, Long> asyncErrorsByClass = new HashMap<>();

    /** @param recentWindow how many async outcomes the recent window holds ({@link Triggers#recentWindow()}) */
    public StageWindow(int recentWindow) {
        recent = new RecentRing(recentWindow);
    }

    /** Counts one finished upload and answers the recent window as it stands after it. */
    public synchronized RecentOutcomes record(Outcome outcome) {
        UploadPath path = outcome.path();
        uploads[path.ordinal()]++;
        if (outcome.success()) {
            succeeded[path.ordinal()]++;
        }
        boolean delivered = outcome.success() && path != UploadPath.SYNC_FALLBACK;
        if (delivered) {
            (path == UploadPath.ASYNC ? asyncLatency : syncLatency).add(outcome.durationMs());
        }
        if (outcome.triedAsync()) {
            recent.add(path == UploadPath.ASYNC && outcome.success(), !outcome.success());
            if (outcome.errorClass() != null) {
                String key = asyncErrorsByClass.size() < ERROR_CLASSES
                        || asyncErrorsByClass.containsKey(outcome.errorClass()) ? outcome.errorClass() : "other";
                asyncErrorsByClass.merge(key, 1L, Long::sum);
            }
        }
        return recent.outcomes();
    }

    /** Forgets everything: a new stage begins. */
    public synchronized void reset() {
        java.util.Arrays.fill(uploads, 0);
        java.util.Arrays.fill(succeeded, 0);
        asyncLatency.clear();
        syncLatency.clear();
        asyncErrorsByClass.clear();
        recent.clear();
    }

    /** The stage as it stands at {@code now}, for the position and baseline {@code state} holds. */
    public synchronized Kpis kpis(Instant now, long heapNow, RolloutState state, Triggers t) {
        int judgeable = recent.capacity();
        long async = uploads[UploadPath.ASYNC.ordinal()];
        long asyncOk = succeeded[UploadPath.ASYNC.ordinal()];
        long fallback = uploads[UploadPath.SYNC_FALLBACK.ordinal()];
        long fallbackOk = succeeded[UploadPath.SYNC_FALLBACK.ordinal()];
        long sync = uploads[UploadPath.SYNC.ordinal()];
        long attempts = async + fallback;
        long userFailures = attempts - asyncOk - fallbackOk;
        boolean fromBaseline = syncLatency.count() < judgeable && state.baselineSyncP95Ms() != null;
        Long syncP50 = fromBaseline ? state.baselineSyncP50Ms() : syncLatency.percentile(0.50);
        Long syncP95 = fromBaseline ? state.baselineSyncP95Ms() : syncLatency.percentile(0.95);
        boolean comparable = asyncLatency.count() >= judgeable && (fromBaseline || syncLatency.count() >= judgeable);
        Long asyncP50 = asyncLatency.percentile(0.50);
        Long asyncP95 = asyncLatency.percentile(0.95);
        RecentOutcomes r = recent.outcomes();
        long heapStart = state.heapAtStageStart();
        return new Kpis(state.stageIndex(), state.percent(), state.stageStartedAt(),
                Duration.between(state.stageStartedAt(), now), async, asyncOk, fallback, fallbackOk, sync,
                succeeded[UploadPath.SYNC.ordinal()],
                Wilson.proportion(asyncOk, attempts, t.confidenceZ()),
                Wilson.proportion(userFailures, attempts, t.confidenceZ()),
                Wilson.proportion(r.successes(), r.trials(), t.rollbackZ()),
                Wilson.proportion(r.errors(), r.trials(), t.rollbackZ()),
                asyncP50, asyncP95, syncP50, syncP95, fromBaseline,
                comparable ? ratio(asyncP50, syncP50) : null, comparable ? ratio(asyncP95, syncP95) : null,
                critical(t), heapStart, heapNow, heapStart > 0 ? (double) (heapNow - heapStart) / heapStart : 0);
    }

    private Map<String, Long> critical(Triggers t) {
        if (asyncErrorsByClass.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> critical = new HashMap<>();
        for (String errorClass : t.criticalErrorClasses()) {
            Long count = asyncErrorsByClass.get(errorClass);
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
