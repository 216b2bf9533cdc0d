package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.Comparison;
import dev.uploadgateway.rollout.entity.PathFigures;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadPath;
import dev.uploadgateway.upload.entity.UploadState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The comparison the async path was built to win, computed from finished upload records: per
 * provider, each path's success rate and latency percentiles, and the differences between them.
 */
public final class PathComparison {

    private PathComparison() {
    }

    public static Comparison.Report of(List<Upload> uploads) {
        List<Upload> finished = uploads.stream().filter(u -> u.getState().terminal()).toList();
        Map<String, List<Upload>> byProvider = finished.stream()
                .collect(Collectors.groupingBy(Upload::getProvider, TreeMap::new, Collectors.toList()));
        List<Comparison> providers = new ArrayList<>();
        byProvider.forEach((provider, list) -> {
            PathFigures sync = figures(provider, UploadPath.SYNC, list);
            PathFigures async = figures(provider, UploadPath.ASYNC, list);
            PathFigures fallback = figures(provider, UploadPath.SYNC_FALLBACK, list);
            PathFigures asyncTried = combined(provider, async, fallback, list);
            providers.add(new Comparison(provider, sync, async, fallback,
                    improvement(sync.p50Ms(), async.p50Ms()), improvement(sync.p95Ms(), async.p95Ms()),
                    sync.uploads() == 0 || asyncTried.uploads() == 0 ? null
                            : 100 * (asyncTried.successRate() - sync.successRate())));
        });
        return new Comparison.Report(finished.size(), providers);
    }

    /** Uploads sent to the async path: those the fallback rescued count as async failures. */
    private static PathFigures combined(String provider, PathFigures async, PathFigures fallback, List<Upload> list) {
        long uploads = async.uploads() + fallback.uploads();
        return new PathFigures(provider, "async+fallback", uploads, async.succeeded(),
                uploads == 0 ? 0 : (double) async.succeeded() / uploads, null, null, null);
    }

    static PathFigures figures(String provider, UploadPath path, List<Upload> list) {
        List<Upload> onPath = list.stream().filter(u -> u.getPath() == path).toList();
        long succeeded = onPath.stream().filter(u -> u.getState() == UploadState.DELIVERED).count();
        long[] durations = onPath.stream().filter(u -> u.getState() == UploadState.DELIVERED)
                .mapToLong(Upload::getDurationMs).sorted().toArray();
        return new PathFigures(provider, path.label(), onPath.size(), succeeded,
                onPath.isEmpty() ? 0 : (double) succeeded / onPath.size(),
                percentile(durations, 0.50), percentile(durations, 0.95),
                durations.length == 0 ? null : java.util.Arrays.stream(durations).average().orElse(0));
    }

    static Long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(rank, sorted.length - 1))];
    }

    /** How much faster async is, in percent of sync; negative when slower. */
    static Double improvement(Long sync, Long async) {
        return sync == null || async == null || sync == 0 ? null : 100.0 * (sync - async) / sync;
    }
}
