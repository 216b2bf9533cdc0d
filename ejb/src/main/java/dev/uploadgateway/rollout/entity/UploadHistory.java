package dev.uploadgateway.rollout.entity;

import java.time.Instant;
import java.util.List;

/**
 * Finished uploads over time, in buckets of equal length aligned to the epoch (so the same bucket
 * keeps its start from one poll to the next), oldest first, every bucket present even when empty.
 * {@code truncated} says that the window held more uploads than were read, so the oldest buckets
 * are incomplete.
 */
public record UploadHistory(Instant from, Instant to, long bucketSeconds, boolean truncated, List<Bucket> buckets) {

    public UploadHistory {
        buckets = List.copyOf(buckets);
    }

    /**
     * The uploads that finished in {@code [start, start + bucketSeconds)}, per path.
     * {@code asyncSuccessRate} is the async path's own rate as the rollout judges it: what async
     * delivered over everything sent to async, so an upload the sync fallback rescued is a failure;
     * null when nothing was sent to async.
     */
    public record Bucket(Instant start, PathCounts sync, PathCounts async, PathCounts syncFallback,
                         Double asyncSuccessRate) {
    }

    /**
     * One path's uploads in one bucket: how many, how many that path delivered, their rate (null
     * without uploads) and the 95th percentile of the delivered ones' durations (null without any).
     */
    public record PathCounts(long uploads, long succeeded, Double successRate, Long p95Ms) {
    }
}
