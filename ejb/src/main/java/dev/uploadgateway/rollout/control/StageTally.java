package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.Outcome;
import dev.uploadgateway.rollout.entity.RecentOutcomes;
import dev.uploadgateway.upload.entity.UploadPath;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The outcomes of one stage as counters that uploads update at once without a lock: adders per
 * path, two lock-free latency histograms, the ring of recent async outcomes and async error counts
 * by class (at most {@value StageWindow#ERROR_CLASSES} classes; more fall under "other"). A new stage
 * gets a new tally rather than clearing this one, so an upload never lands half in each.
 */
final class StageTally {

    private static final String OTHER = "other";
    final RecentRing recent;
    final LatencyHistogram asyncLatency = new LatencyHistogram();
    final LatencyHistogram syncLatency = new LatencyHistogram();
    private final LongAdder[] uploads = adders();
    private final LongAdder[] succeeded = adders();
    private final Map<String, LongAdder> asyncErrorsByClass = new ConcurrentHashMap<>();
    private final AtomicInteger errorClasses = new AtomicInteger();

    StageTally(int recentWindow) {
        recent = new RecentRing(recentWindow);
    }

    /** Counts one finished upload and answers the recent window as it stands after it. */
    RecentOutcomes record(Outcome outcome) {
        UploadPath path = outcome.path();
        uploads[path.ordinal()].increment(); // before succeeded: a reader takes succeeded first
        if (outcome.success()) {
            succeeded[path.ordinal()].increment();
        }
        boolean delivered = outcome.success() && path != UploadPath.SYNC_FALLBACK;
        if (delivered) {
            (path == UploadPath.ASYNC ? asyncLatency : syncLatency).add(outcome.durationMs());
        }
        if (outcome.triedAsync()) {
            recent.add(path == UploadPath.ASYNC && outcome.success(), !outcome.success());
            if (outcome.errorClass() != null) {
                errors(outcome.errorClass()).increment();
            }
        }
        return recent.outcomes();
    }

    /** This tally as a node publishes it, counted in {@code stage}, with its last {@code recentShare} async outcomes. */
    TallyFigures figures(String stage, int recentShare) {
        int paths = UploadPath.values().length;
        long[] u = new long[paths];
        long[] ok = new long[paths];
        for (int p = 0; p < paths; p++) {
            ok[p] = succeeded[p].sum(); // before uploads, as a reader of the live tally
            u[p] = uploads[p].sum();
        }
        LatencyHistogram.Buckets a = asyncLatency.sparse();
        LatencyHistogram.Buckets s = syncLatency.sparse();
        RecentOutcomes r = recent.latest(recentShare);
        return new TallyFigures(stage, u, ok, a.indexes(), a.counts(), s.indexes(), s.counts(),
                r.trials(), r.successes(), r.errors(), asyncErrorsByClass());
    }

    long uploads(UploadPath path) {
        return uploads[path.ordinal()].sum();
    }

    long succeeded(UploadPath path) {
        return succeeded[path.ordinal()].sum();
    }

    /** How many async uploads failed with each class so far. */
    Map<String, Long> asyncErrorsByClass() {
        Map<String, Long> counts = new HashMap<>();
        asyncErrorsByClass.forEach((errorClass, count) -> counts.put(errorClass, count.sum()));
        return counts;
    }

    /** The count of {@code errorClass}, or of "other" once {@value StageWindow#ERROR_CLASSES} classes are counted. */
    private LongAdder errors(String errorClass) {
        LongAdder count = asyncErrorsByClass.get(errorClass);
        if (count == null && errorClasses.get() < StageWindow.ERROR_CLASSES) {
            count = asyncErrorsByClass.computeIfAbsent(errorClass, c -> admitted() ? new LongAdder() : null);
        }
        if (count == null) {
            count = asyncErrorsByClass.get(OTHER);
        }
        return count != null ? count : asyncErrorsByClass.computeIfAbsent(OTHER, c -> new LongAdder());
    }

    /** Takes one of the classes' places, if one is left. */
    private boolean admitted() {
        for (int taken = errorClasses.get(); taken < StageWindow.ERROR_CLASSES; taken = errorClasses.get()) {
            if (errorClasses.compareAndSet(taken, taken + 1)) {
                return true;
            }
        }
        return false;
    }

    private static LongAdder[] adders() {
        LongAdder[] adders = new LongAdder[UploadPath.values().length];
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
