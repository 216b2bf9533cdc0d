package dev.uploadgateway.rollout.control;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Durations in fixed log-linear buckets: exact below 128 ms, then 128 buckets per doubling, so a
 * percentile is off by less than 0.4 % (half a bucket) at any scale, memory is fixed (about 25 KB)
 * however many uploads there are, adding is a few shifts, and a percentile scans block totals of
 * 32 buckets, then one block: a hundred-odd reads. Durations beyond 2^31 ms (about 25 days) land
 * in the last bucket. Thread-safe without a lock: adding is three atomic increments (bucket, block,
 * total, in that order), and a percentile reads them in the opposite order, so it never counts an
 * upload whose bucket it cannot find; read while uploads are added, it answers for some of them.
 * Not HdrHistogram: the rollout reads only p50/p95 of two stage windows, which these fixed 25 KB, 0.4 % buckets give; the library would add a jar to the EAR for features (resizing, concurrent and interval recorders) nothing here uses.
 */
final class LatencyHistogram {

    private static final int SUB_BITS = 7;
    private static final int SUB = 1 << SUB_BITS;
    private static final int BUCKETS = (32 - SUB_BITS) * SUB;
    private static final int BLOCK_BITS = 5;
    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLongArray blockCounts = new AtomicLongArray(BUCKETS >>> BLOCK_BITS);
    private final LongAdder total = new LongAdder();

    void add(long ms) {
        int index = index(Math.max(0, ms));
        counts.incrementAndGet(index);
        blockCounts.incrementAndGet(index >>> BLOCK_BITS);
        total.increment();
    }

    long count() {
        return total.sum();
    }

    /** The nearest-rank percentile {@code q} in (0, 1], null when empty. */
    Long percentile(double q) {
        long n = total.sum();
        if (n == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(q * n));
        int block = 0;
        for (long c = blockCounts.get(0); rank > c; c = blockCounts.get(++block)) {
            rank -= c;
        }
        int index = block << BLOCK_BITS;
        for (long c = counts.get(index); rank > c; c = counts.get(++index)) {
            rank -= c;
        }
        return middle(index);
    }

    /** The non-empty buckets: their indexes and counts. */
    record Buckets(int[] indexes, long[] counts) {
    }

    /** The non-empty buckets, for another node to add up. */
    Buckets sparse() {
        int n = 0;
        long[] snapshot = new long[BUCKETS];
        for (int block = 0; block < blockCounts.length(); block++) {
            if (blockCounts.get(block) == 0) {
                continue; // a block's total is counted after its buckets: an empty one has none yet
            }
            for (int i = block << BLOCK_BITS; i < (block + 1) << BLOCK_BITS; i++) {
                snapshot[i] = counts.get(i);
                n += snapshot[i] > 0 ? 1 : 0;
            }
        }
        int[] indexes = new int[n];
        long[] values = new long[n];
        for (int i = 0, j = 0; i < BUCKETS; i++) {
            if (snapshot[i] > 0) {
                indexes[j] = i;
                values[j++] = snapshot[i];
            }
        }
        return new Buckets(indexes, values);
    }

    /** Adds this histogram's buckets into {@code into} ({@link #BUCKETS} long). */
    void addTo(long[] into) {
        for (int i = 0; i < BUCKETS; i++) {
            into[i] += counts.get(i);
        }
    }

    static int buckets() {
        return BUCKETS;
    }

    /** The nearest-rank percentile {@code q} of full bucket counts, null when empty. */
    static Long percentile(long[] counts, double q) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        if (n == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(q * n));
        int index = 0;
        for (long c = counts[0]; rank > c; c = counts[++index]) {
            rank -= c;
        }
        return middle(index);
    }

    static long count(long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /** Starts over; not atomic with adds under way (the stage window swaps in a new histogram instead). */
    void clear() {
        for (int i = 0; i < BUCKETS; i++) {
            counts.set(i, 0);
        }
        for (int i = 0; i < blockCounts.length(); i++) {
            blockCounts.set(i, 0);
        }
        total.reset();
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
