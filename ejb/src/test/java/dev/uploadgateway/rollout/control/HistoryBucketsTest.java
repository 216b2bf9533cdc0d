package dev.uploadgateway.rollout.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.rollout.entity.UploadHistory;
import dev.uploadgateway.upload.entity.FinishedUpload;
import dev.uploadgateway.upload.entity.UploadPath;
import dev.uploadgateway.upload.entity.UploadState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HistoryBucketsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:42.500Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static FinishedUpload delivered(UploadPath path, long ms, String at) {
        return new FinishedUpload(path, UploadState.DELIVERED, ms, Instant.parse(at));
    }

    private static FinishedUpload failed(UploadPath path, String at) {
        return new FinishedUpload(path, UploadState.FAILED, 30_000, Instant.parse(at));
    }

    @Test
    void alignsBucketsToTheEpochAndEndsWithTheBucketHoldingNow() {
        UploadHistory history = HistoryBuckets.of(List.of(), NOW, HOUR, MINUTE, false);
        assertEquals(60, history.buckets().size());
        assertEquals(Instant.parse("2026-11-23T09:16:00Z"), history.from());
        assertEquals(Instant.parse("2026-11-23T10:16:00Z"), history.to());
        assertEquals(Instant.parse("2026-11-23T10:15:00Z"), history.buckets().get(59).start());
        assertEquals(60, history.bucketSeconds());
        assertEquals(history.from(), HistoryBuckets.from(NOW, HOUR, MINUTE));
        assertEquals(history.to(), HistoryBuckets.to(NOW, MINUTE));
    }

    @Test
    void keepsEveryBucketEvenWhenNothingFinishedInIt() {
        UploadHistory history = HistoryBuckets.of(List.of(delivered(UploadPath.ASYNC, 100, "2026-11-23T10:00:10Z")),
                NOW, HOUR, MINUTE, false);
        UploadHistory.Bucket empty = history.buckets().get(0);
        assertEquals(0, empty.sync().uploads());
        assertNull(empty.sync().successRate(), "no uploads: no rate, rather than 0 %");
        assertNull(empty.async().p95Ms());
        assertNull(empty.asyncSuccessRate());
    }

    @Test
    void coversASpanThatIsNoMultipleOfTheBucketWithOneMoreBucket() {
        assertEquals(1, HistoryBuckets.count(Duration.ofSeconds(10), MINUTE));
        assertEquals(3, HistoryBuckets.count(Duration.ofSeconds(121), MINUTE));
        assertEquals(2, HistoryBuckets.count(Duration.ofSeconds(120), MINUTE));
    }

    @Test
    void countsAnUploadInTheBucketOfItsCompletion() {
        UploadHistory history = HistoryBuckets.of(List.of(
                delivered(UploadPath.SYNC, 500, "2026-11-23T10:14:00Z"),
                delivered(UploadPath.SYNC, 700, "2026-11-23T10:14:59.999Z"),
                delivered(UploadPath.SYNC, 900, "2026-11-23T10:15:00Z")), NOW, HOUR, MINUTE, false);
        assertEquals(2, history.buckets().get(58).sync().uploads());
        assertEquals(1, history.buckets().get(59).sync().uploads());
    }

    @Test
    void leavesOutUploadsOutsideTheWindowAndUnfinishedOnes() {
        UploadHistory history = HistoryBuckets.of(List.of(
                delivered(UploadPath.ASYNC, 100, "2026-11-23T09:15:59Z"),
                delivered(UploadPath.ASYNC, 100, "2026-11-23T10:16:00Z"),
                new FinishedUpload(UploadPath.ASYNC, UploadState.UPLOADING, 0, null)), NOW, HOUR, MINUTE, false);
        assertEquals(0, history.buckets().stream().mapToLong(b -> b.async().uploads()).sum());
    }

    @Test
    void judgesEachPathByWhatItDeliveredAndAsyncByEverythingSentToIt() {
        String at = "2026-11-23T10:15:10Z";
        List<FinishedUpload> uploads = new ArrayList<>();
        IntStream.range(0, 8).forEach(i -> uploads.add(delivered(UploadPath.ASYNC, 100, at)));
        uploads.add(delivered(UploadPath.SYNC_FALLBACK, 4_000, at));
        uploads.add(failed(UploadPath.SYNC_FALLBACK, at));
        uploads.add(delivered(UploadPath.SYNC, 300, at));
        uploads.add(failed(UploadPath.SYNC, at));
        UploadHistory.Bucket bucket = HistoryBuckets.of(uploads, NOW, HOUR, MINUTE, false).buckets().get(59);

        assertEquals(8, bucket.async().uploads());
        assertEquals(1.0, bucket.async().successRate());
        assertEquals(0.8, bucket.asyncSuccessRate(), 1e-12, "a rescued upload is an async failure");
        assertEquals(2, bucket.syncFallback().uploads());
        assertEquals(1, bucket.syncFallback().succeeded());
        assertEquals(0.5, bucket.sync().successRate());
        assertEquals(300L, bucket.sync().p95Ms(), "a failure's duration is no latency");
    }

    @Test
    void takesTheNinetyFifthPercentileOfDeliveredDurations() {
        List<FinishedUpload> uploads = IntStream.rangeClosed(1, 100)
                .mapToObj(i -> delivered(UploadPath.ASYNC, i * 10L, "2026-11-23T10:15:01Z")).toList();
        UploadHistory.Bucket bucket = HistoryBuckets.of(uploads, NOW, HOUR, MINUTE, false).buckets().get(59);
        assertEquals(950L, bucket.async().p95Ms());
    }

    @Test
    void carriesTheTruncationFlag() {
        assertTrue(HistoryBuckets.of(List.of(), NOW, HOUR, MINUTE, true).truncated());
    }

    @Test
    void bucketsAWeekByTheHour() {
        UploadHistory history = HistoryBuckets.of(List.of(delivered(UploadPath.SYNC, 1, "2026-11-16T11:00:00Z")),
                NOW, Duration.ofDays(7), HOUR, false);
        assertEquals(168, history.buckets().size());
        assertEquals(Instant.parse("2026-11-16T11:00:00Z"), history.from());
        assertEquals(1, history.buckets().get(0).sync().uploads());
    }
}
