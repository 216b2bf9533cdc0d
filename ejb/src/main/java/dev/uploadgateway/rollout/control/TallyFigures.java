package dev.uploadgateway.rollout.control;

import java.util.HashMap;
import java.util.Map;

/**
 * One node's share of the current stage as it publishes it with its heartbeat, for the leader to add
 * to its own: counts per path (by {@code UploadPath} ordinal), the two latency histograms as their
 * non-empty buckets, the recent window's totals and the async error counts by class. {@code stage}
 * names the stage it was counted in (index and start), so a share counted before a move is never
 * added to the stage after it.
 */
public record TallyFigures(String stage, long[] uploads, long[] succeeded, int[] asyncBuckets, long[] asyncCounts,
                           int[] syncBuckets, long[] syncCounts, long recentTrials, long recentSuccesses,
                           long recentErrors, Map<String, Long> errors) {

    public TallyFigures {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    /** The sum of {@code shares}, histograms as full bucket arrays of {@code buckets} entries. */
    static Sum add(Iterable<TallyFigures> shares, int paths, int buckets) {
        Sum sum = new Sum(new long[paths], new long[paths], new long[buckets], new long[buckets], new HashMap<>());
        for (TallyFigures f : shares) {
            for (int p = 0; p < paths && p < f.uploads.length; p++) {
                sum.uploads[p] += f.uploads[p];
                sum.succeeded[p] += f.succeeded[p];
            }
            addBuckets(sum.async, f.asyncBuckets, f.asyncCounts);
            addBuckets(sum.sync, f.syncBuckets, f.syncCounts);
            sum.recentTrials += f.recentTrials;
            sum.recentSuccesses += f.recentSuccesses;
            sum.recentErrors += f.recentErrors;
            f.errors.forEach((errorClass, count) -> sum.errors.merge(errorClass, count, Long::sum));
        }
        return sum;
    }

    private static void addBuckets(long[] into, int[] buckets, long[] counts) {
        for (int i = 0; i < buckets.length; i++) {
            if (buckets[i] >= 0 && buckets[i] < into.length) {
                into[buckets[i]] += counts[i];
            }
        }
    }

    /** Several nodes' figures added up. */
    static final class Sum {
        final long[] uploads;
        final long[] succeeded;
        final long[] async;
        final long[] sync;
        final Map<String, Long> errors;
        long recentTrials;
        long recentSuccesses;
        long recentErrors;

        Sum(long[] uploads, long[] succeeded, long[] async, long[] sync, Map<String, Long> errors) {
            this.uploads = uploads;
            this.succeeded = succeeded;
            this.async = async;
            this.sync = sync;
            this.errors = errors;
        }
    }
}
