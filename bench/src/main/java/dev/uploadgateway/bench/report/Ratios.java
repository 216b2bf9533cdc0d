package dev.uploadgateway.bench.report;

import dev.uploadgateway.bench.load.LoadResult;
import dev.uploadgateway.bench.plan.Cell;
import dev.uploadgateway.bench.plan.Target;
import java.util.Optional;

/**
 * The comparisons that matter in one cell; NaN where a side is missing or has nothing to divide
 * by. Heap is compared on the live heap at the halfway probe (both paths measured the same way, at
 * the same point of the cell); changes are in percent of the sync figure: negative latency change =
 * async is faster.
 */
public record Ratios(Cell cell, double asyncOverSync, double heapReductionPct, double heapAboveBaselineReductionPct,
                     double p50ChangePct, double p99ChangePct, int syncTimeouts, int asyncTimeouts,
                     double timeoutChangePct, double asyncOverDirect, double asyncOverNginx, double nginxOverDirect,
                     double asyncAddedP50Ms, double syncAddedP50Ms) {

    public static Ratios of(Results results, Cell cell) {
        Optional<CellRecord> direct = results.find(cell, Target.DIRECT);
        Optional<CellRecord> sync = results.find(cell, Target.SYNC);
        Optional<CellRecord> async = results.find(cell, Target.ASYNC);
        Optional<CellRecord> nginx = results.find(cell, Target.NGINX);
        double syncHeap = sync.map(r -> r.memory().heapLiveAtProbe()).orElse(Double.NaN);
        double asyncHeap = async.map(r -> r.memory().heapLiveAtProbe()).orElse(Double.NaN);
        double syncAbove = sync.map(r -> r.memory().heapLiveAboveIdle()).orElse(Double.NaN);
        double asyncAbove = async.map(r -> r.memory().heapLiveAboveIdle()).orElse(Double.NaN);
        int syncTimeouts = sync.map(r -> r.load().timeouts()).orElse(-1);
        int asyncTimeouts = async.map(r -> r.load().timeouts()).orElse(-1);
        return new Ratios(cell,
                ratio(tput(async), tput(sync)),
                reduction(asyncHeap, syncHeap),
                reduction(asyncAbove, syncAbove),
                change(p(async, 50), p(sync, 50)),
                change(p(async, 99), p(sync, 99)),
                syncTimeouts, asyncTimeouts,
                syncTimeouts > 0 && asyncTimeouts >= 0 ? 100.0 * (asyncTimeouts - syncTimeouts) / syncTimeouts : Double.NaN,
                ratio(tput(async), tput(direct)),
                ratio(tput(async), tput(nginx)),
                ratio(tput(nginx), tput(direct)),
                p(async, 50) - p(direct, 50),
                p(sync, 50) - p(direct, 50));
    }

    static double ratio(double a, double b) {
        return b > 0 && !Double.isNaN(a) ? a / b : Double.NaN;
    }

    static double reduction(double after, double before) {
        return before > 0 && !Double.isNaN(after) ? 100.0 * (1 - after / before) : Double.NaN;
    }

    static double change(double after, double before) {
        return before > 0 && !Double.isNaN(after) ? 100.0 * (after - before) / before : Double.NaN;
    }

    private static double tput(Optional<CellRecord> r) {
        return r.map(x -> x.load().uploadsPerSecond()).orElse(Double.NaN);
    }

    private static double p(Optional<CellRecord> r, double percent) {
        return r.map(CellRecord::load).map(l -> l.latencyMs().at(percent)).orElse(Double.NaN);
    }

    /** Successful uploads of a side, for a reader who must know whether a ratio rests on anything. */
    static int ok(Optional<CellRecord> r) {
        return r.map(CellRecord::load).map(LoadResult::ok).orElse(0);
    }
}
