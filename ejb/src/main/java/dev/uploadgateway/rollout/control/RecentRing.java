package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.RecentOutcomes;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last {@code capacity} async outcomes as a ring of flags with running totals, so adding one
 * and reading the totals are constant work. Thread-safe without a lock: an outcome takes the next
 * slot by an atomic increment, swaps its flag in and moves the totals by the difference to the flag
 * it replaced, so once the adds under way have ended the totals are exactly those of the slots. A
 * reading taken meanwhile may lag them by those adds, and is held within its number of trials.
 */
final class RecentRing {

    private static final int DELIVERED = 1;
    private static final int FAILED = 2;
    private final AtomicIntegerArray flags;
    private final AtomicLong added = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    RecentRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the recent window must hold at least one outcome, was " + capacity);
        }
        flags = new AtomicIntegerArray(capacity);
    }

    void add(boolean deliveredByAsync, boolean failedForUser) {
        int flag = (deliveredByAsync ? DELIVERED : 0) | (failedForUser ? FAILED : 0);
        int slot = (int) (added.getAndIncrement() % flags.length());
        int replaced = flags.getAndSet(slot, flag);
        if (((flag ^ replaced) & DELIVERED) != 0) {
            delivered.addAndGet((flag & DELIVERED) - (replaced & DELIVERED));
        }
        if (((flag ^ replaced) & FAILED) != 0) {
            failed.addAndGet(((flag & FAILED) - (replaced & FAILED)) >> 1);
        }
    }

    /** The totals first, then the count: every add the totals show has already taken its slot. */
    RecentOutcomes outcomes() {
        long failures = failed.get();
        long deliveries = delivered.get();
        long trials = Math.min(added.get(), flags.length());
        return new RecentOutcomes(flags.length(), trials, within(deliveries, trials), within(failures, trials));
    }

    /**
     * The last {@code k} outcomes (at most the ring's capacity) counted by a scan: a node's part of
     * a cluster's recent window, where n nodes each give their last window ÷ n so that the cluster
     * judges about as many recent outcomes as one node does. Read while adds go on, it counts some of them.
     */
    RecentOutcomes latest(int k) {
        int n = Math.min(k, flags.length());
        long end = added.get();
        long trials = Math.min(n, end);
        long deliveries = 0;
        long failures = 0;
        for (long i = end - trials; i < end; i++) {
            int flag = flags.get((int) (i % flags.length()));
            deliveries += flag & DELIVERED;
            failures += (flag & FAILED) >> 1;
        }
        return new RecentOutcomes(n, trials, deliveries, failures);
    }

    /** Only while a full ring laps itself faster than its adds end can a total stray outside [0, trials]. */
    private static long within(long total, long trials) {
        return Math.max(0, Math.min(total, trials));
    }

    int capacity() {
        return flags.length();
    }
}
