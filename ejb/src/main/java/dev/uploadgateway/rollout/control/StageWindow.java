package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.Kpis;
import dev.uploadgateway.rollout.entity.Outcome;
import dev.uploadgateway.rollout.entity.RecentOutcomes;
import dev.uploadgateway.rollout.entity.RolloutState;
import dev.uploadgateway.rollout.entity.Triggers;
import dev.uploadgateway.upload.entity.UploadPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
        return kpis(now, heapNow, state, t, List.of());
    }

    /**
     * The stage with {@code others}' shares added to this node's (a cluster's figures; the recent
     * window then holds every node's last outcomes). With no others, this node's own.
     */
    public Kpis kpis(Instant now, long heapNow, RolloutState state, Triggers t, List<TallyFigures> others) {
        if (others.isEmpty()) {
            return kpis(new Live(tally), now, heapNow, state, t);
        }
        List<TallyFigures> all = new ArrayList<>(others);
        all.add(figures(state, others.size() + 1));
        return kpis(new Added(TallyFigures.add(all, UploadPath.values().length, LatencyHistogram.buckets()),
                recentWindow), now, heapNow, state, t);
    }

    /** The recent window of this node and {@code others} together: every node's share of its last async outcomes. */
    public RecentOutcomes recent(List<TallyFigures> others) {
        RecentOutcomes own = others.isEmpty() ? tally.recent.outcomes() : tally.recent.latest(share(others.size() + 1));
        long trials = own.trials();
        long successes = own.successes();
        long errors = own.errors();
        for (TallyFigures f : others) {
            trials += f.recentTrials();
            successes += f.recentSuccesses();
            errors += f.recentErrors();
        }
        return new RecentOutcomes(recentWindow, trials, successes, errors);
    }

    /**
     * This node's share of the current stage, as it publishes it to {@code nodes - 1} others: its
     * recent outcomes are its last recent window ÷ {@code nodes}, so that all of them together are
     * about one recent window, the cluster's latest.
     */
    public TallyFigures figures(RolloutState state, int nodes) {
        return tally.figures(stageKey(state), share(nodes));
    }

    /** The last async outcomes of one of {@code nodes} nodes that the cluster's recent window takes. */
    int share(int nodes) {
        return (recentWindow + Math.max(1, nodes) - 1) / Math.max(1, nodes);
    }

    /** This node's last {@code k} async outcomes. */
    RecentOutcomes latest(int k) {
        return tally.recent.latest(k);
    }

    /** Names a stage by index and start, so shares from before a move are told apart. */
    public static String stageKey(RolloutState state) {
        return state.stageIndex() + "@" + state.stageStartedAt();
    }

    private Kpis kpis(Figures s, Instant now, long heapNow, RolloutState state, Triggers t) {
        int judgeable = recentWindow;
        long asyncOk = s.succeeded(UploadPath.ASYNC);
        long fallbackOk = s.succeeded(UploadPath.SYNC_FALLBACK);
        long syncOk = s.succeeded(UploadPath.SYNC);
        long async = s.uploads(UploadPath.ASYNC);
        long fallback = s.uploads(UploadPath.SYNC_FALLBACK);
        long sync = s.uploads(UploadPath.SYNC);
        long attempts = async + fallback;
        long userFailures = attempts - asyncOk - fallbackOk;
        boolean fromBaseline = s.syncCount() < judgeable && state.baselineSyncP95Ms() != null;
        Long syncP50 = fromBaseline ? state.baselineSyncP50Ms() : s.syncPercentile(0.50);
        Long syncP95 = fromBaseline ? state.baselineSyncP95Ms() : s.syncPercentile(0.95);
        boolean comparable = s.asyncCount() >= judgeable && (fromBaseline || s.syncCount() >= judgeable);
        Long asyncP50 = s.asyncPercentile(0.50);
        Long asyncP95 = s.asyncPercentile(0.95);
        RecentOutcomes r = s.recent();
        long heapStart = state.heapAtStageStart();
        return new Kpis(state.stageIndex(), state.percent(), state.stageStartedAt(),
                Duration.between(state.stageStartedAt(), now), async, asyncOk, fallback, fallbackOk, sync, syncOk,
                Wilson.proportion(asyncOk, attempts, t.confidenceZ()),
                Wilson.proportion(userFailures, attempts, t.confidenceZ()),
                Wilson.proportion(r.successes(), r.trials(), t.rollbackZ()),
                Wilson.proportion(r.errors(), r.trials(), t.rollbackZ()),
                asyncP50, asyncP95, syncP50, syncP95, fromBaseline,
                comparable ? ratio(asyncP50, syncP50) : null, comparable ? ratio(asyncP95, syncP95) : null,
                critical(s.errorsByClass(), t), heapStart, heapNow,
                heapStart > 0 ? (double) (heapNow - heapStart) / heapStart : 0);
    }

    /** What the KPIs are computed from: one node's live tally, or several nodes' figures added up. */
    private interface Figures {
        long uploads(UploadPath path);

        long succeeded(UploadPath path);

        long asyncCount();

        long syncCount();

        Long asyncPercentile(double q);

        Long syncPercentile(double q);

        RecentOutcomes recent();

        Map<String, Long> errorsByClass();
    }

    private record Live(StageTally s) implements Figures {
        public long uploads(UploadPath path) {
            return s.uploads(path);
        }

        public long succeeded(UploadPath path) {
            return s.succeeded(path);
        }

        public long asyncCount() {
            return s.asyncLatency.count();
        }

        public long syncCount() {
            return s.syncLatency.count();
        }

        public Long asyncPercentile(double q) {
            return s.asyncLatency.percentile(q);
        }

        public Long syncPercentile(double q) {
            return s.syncLatency.percentile(q);
        }

        public RecentOutcomes recent() {
            return s.recent.outcomes();
        }

        public Map<String, Long> errorsByClass() {
            return s.asyncErrorsByClass();
        }
    }

    private record Added(TallyFigures.Sum s, int window) implements Figures {
        public long uploads(UploadPath path) {
            return s.uploads[path.ordinal()];
        }

        public long succeeded(UploadPath path) {
            return s.succeeded[path.ordinal()];
        }

        public long asyncCount() {
            return LatencyHistogram.count(s.async);
        }

        public long syncCount() {
            return LatencyHistogram.count(s.sync);
        }

        public Long asyncPercentile(double q) {
            return LatencyHistogram.percentile(s.async, q);
        }

        public Long syncPercentile(double q) {
            return LatencyHistogram.percentile(s.sync, q);
        }

        public RecentOutcomes recent() {
            return new RecentOutcomes(window, s.recentTrials, s.recentSuccesses, s.recentErrors);
        }

        public Map<String, Long> errorsByClass() {
            return s.errors;
        }
    }

    /** The current stage's async error counts by class. */
    Map<String, Long> asyncErrorsByClass() {
        return tally.asyncErrorsByClass();
    }

    private static Map<String, Long> critical(Map<String, Long> byClass, Triggers t) {
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
