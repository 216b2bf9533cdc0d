package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.UploadHistory;
import dev.uploadgateway.upload.entity.FinishedUpload;
import dev.uploadgateway.upload.entity.UploadPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts finished uploads into time buckets per path, for charts of the rollout over time. An upload
 * counts in the bucket of its completion, when its outcome became known. Buckets are aligned to
 * the epoch, so a bucket keeps its start from one poll to the next; the last one holds {@code now}
 * and as many precede it as cover {@code span}.
 */
public final class HistoryBuckets {

    private final Instant from;
    private final long bucketMillis;
    private final List<Map<UploadPath, List<FinishedUpload>>> buckets = new ArrayList<>();

    private HistoryBuckets(Instant now, Duration span, Duration bucket) {
        bucketMillis = bucket.toMillis();
        int count = count(span, bucket);
        from = to(now, bucket).minusMillis(count * bucketMillis);
        for (int i = 0; i < count; i++) {
            buckets.add(new EnumMap<>(UploadPath.class));
        }
    }

    /** How many buckets of {@code bucket} cover {@code span}: at least one. */
    public static int count(Duration span, Duration bucket) {
        return (int) Math.max(1, -Math.floorDiv(-span.toMillis(), bucket.toMillis()));
    }

    /** The start of the window: {@code count} buckets before its end. */
    public static Instant from(Instant now, Duration span, Duration bucket) {
        return to(now, bucket).minusMillis(count(span, bucket) * bucket.toMillis());
    }

    /** The end of the window, exclusive: the end of the bucket that holds {@code now}. */
    public static Instant to(Instant now, Duration bucket) {
        long millis = bucket.toMillis();
        return Instant.ofEpochMilli((Math.floorDiv(now.toEpochMilli(), millis) + 1) * millis);
    }

    public static UploadHistory of(List<FinishedUpload> uploads, Instant now, Duration span, Duration bucket,
                                   boolean truncated) {
        HistoryBuckets history = new HistoryBuckets(now, span, bucket);
        uploads.forEach(history::add);
        return history.toHistory(truncated);
    }

    private void add(FinishedUpload upload) {
        if (upload.completedAt() == null || upload.path() == null) {
            return;
        }
        long index = Math.floorDiv(upload.completedAt().toEpochMilli() - from.toEpochMilli(), bucketMillis);
        if (index >= 0 && index < buckets.size()) {
            buckets.get((int) index).computeIfAbsent(upload.path(), p -> new ArrayList<>()).add(upload);
        }
    }

    private UploadHistory toHistory(boolean truncated) {
        List<UploadHistory.Bucket> result = new ArrayList<>(buckets.size());
        for (int i = 0; i < buckets.size(); i++) {
            Map<UploadPath, List<FinishedUpload>> paths = buckets.get(i);
            UploadHistory.PathCounts async = counts(paths.get(UploadPath.ASYNC));
            UploadHistory.PathCounts fallback = counts(paths.get(UploadPath.SYNC_FALLBACK));
            long sentToAsync = async.uploads() + fallback.uploads();
            result.add(new UploadHistory.Bucket(from.plusMillis(i * bucketMillis), counts(paths.get(UploadPath.SYNC)),
                    async, fallback, sentToAsync == 0 ? null : (double) async.succeeded() / sentToAsync));
        }
        return new UploadHistory(from, from.plusMillis(buckets.size() * bucketMillis), bucketMillis / 1000,
                truncated, result);
    }

    static UploadHistory.PathCounts counts(List<FinishedUpload> uploads) {
        if (uploads == null || uploads.isEmpty()) {
            return new UploadHistory.PathCounts(0, 0, null, null);
        }
        long[] durations = uploads.stream().filter(FinishedUpload::delivered)
                .mapToLong(FinishedUpload::durationMs).sorted().toArray();
        return new UploadHistory.PathCounts(uploads.size(), durations.length,
                (double) durations.length / uploads.size(), PathComparison.percentile(durations, 0.95));
    }
}
