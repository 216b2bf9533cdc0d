package dev.uploadgateway.rollout.control;

/**
 * Durations in fixed log-linear buckets: exact below 128 ms, then 128 buckets per doubling, so a
 * percentile is off by less than 0.4 % (half a bucket) at any scale, memory is fixed (about 25 KB)
 * however many uploads there are, adding is a few shifts, and a percentile scans block totals of
 * 32 buckets, then one block: a hundred-odd reads. Durations beyond 2^31 ms (about 25 days) land
 * in the last bucket. Not thread-safe: the stage window guards it.
 * Not HdrHistogram: the rollout reads only p50/p95 of two stage windows, which these fixed 25 KB, 0.4 % buckets give; the library would add a jar to the EAR for features (resizing, concurrent and interval recorders) nothing here uses.
 */
final class LatencyHistogram {

    private static final int SUB_BITS = 7;
    private static final int SUB = 1 << SUB_BITS;
    private static final int BUCKETS = (32 - SUB_BITS) * SUB;
    private static final int BLOCK_BITS = 5;
    private final long[] counts = new long[BUCKETS];
    private final long[] blockCounts = new long[BUCKETS >>> BLOCK_BITS];
    private long total;

    void add(long ms) {
        int index = index(Math.max(0, ms));
        counts[index]++;
        blockCounts[index >>> BLOCK_BITS]++;
        total++;
    }

    long count() {
        return total;
    }

    /** The nearest-rank percentile {@code q} in (0, 1], null when empty. */
    Long percentile(double q) {
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        int block = 0;
        while (rank > blockCounts[block]) {
            rank -= blockCounts[block++];
        }
        int index = block << BLOCK_BITS;
        while (rank > counts[index]) {
            rank -= counts[index++];
        }
        return middle(index);
    }

    void clear() {
        java.util.Arrays.fill(counts, 0);
        java.util.Arrays.fill(blockCounts, 0);
        total = 0;
    }

    static int index(long ms) {
        if (ms < SUB) {
            return (int) ms;
        }
        int exponent = Math.min(63 - Long.numberOfLeadingZeros(ms), 30);
        long top = exponent == 30 && ms >= 1L << 31 ? SUB - 1 : (ms >>> (exponent - SUB_BITS)) & (SUB - 1);
        return (exponent - SUB_BITS + 1) * SUB + (int) top;
    }

    /** The middle of a bucket, its value as a percentile. */
    static long middle(int index) {
        if (index < SUB) {
            return index;
        }
        int shift = (index >>> SUB_BITS) - 1;
        long low = (long) (SUB + (index & (SUB - 1))) << shift;
        return low + ((1L << shift) >>> 1);
    }
}
