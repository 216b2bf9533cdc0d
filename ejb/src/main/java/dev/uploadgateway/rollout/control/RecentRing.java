package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.RecentOutcomes;

/**
 * The last {@code capacity} async outcomes as a ring of flags with running totals, so adding one
 * and reading the totals are constant work. Not thread-safe: the stage window guards it.
 */
final class RecentRing {

    private static final byte DELIVERED = 1;
    private static final byte FAILED = 2;
    private final byte[] flags;
    private int next;
    private int size;
    private long delivered;
    private long failed;

    RecentRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the recent window must hold at least one outcome, was " + capacity);
        }
        flags = new byte[capacity];
    }

    void add(boolean deliveredByAsync, boolean failedForUser) {
        if (size == flags.length) {
            delivered -= flags[next] & DELIVERED;
            failed -= (flags[next] & FAILED) >> 1;
        } else {
            size++;
        }
        flags[next] = (byte) ((deliveredByAsync ? DELIVERED : 0) | (failedForUser ? FAILED : 0));
        delivered += deliveredByAsync ? 1 : 0;
        failed += failedForUser ? 1 : 0;
        next = (next + 1) % flags.length;
    }

    RecentOutcomes outcomes() {
        return new RecentOutcomes(flags.length, size, delivered, failed);
    }

    int capacity() {
        return flags.length;
    }

    void clear() {
        java.util.Arrays.fill(flags, (byte) 0);
        next = 0;
        size = 0;
        delivered = 0;
        failed = 0;
    }
}
