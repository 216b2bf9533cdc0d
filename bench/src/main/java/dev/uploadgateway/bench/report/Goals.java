package dev.uploadgateway.bench.report;

import dev.uploadgateway.bench.plan.Cell;
import dev.uploadgateway.bench.plan.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The target figures, each judged on the cell its issue names: the original five here, the hot
 * path's (CPU against the floor, latency against sync and direct, throughput against nginx) in
 * {@link HotPathGoals}. A run whose matrix lacks that cell (the quick mode) is judged on the
 * nearest cell it has, and says so.
 */
public final class Goals {

    private Goals() {
    }

    public static List<Goal> evaluate(Results results) {
        List<Goal> goals = new ArrayList<>(List.of(heapPerUpload(results), heapReduction(results), throughput(results),
                proxy(results), addedLatency(results)));
        goals.addAll(HotPathGoals.evaluate(results));
        return List.copyOf(goals);
    }

    static Goal heapPerUpload(Results results) {
        String target = "async peak heap per in-flight upload ≤ 1 MiB, whatever the file size";
        List<CellRecord> async = results.records().stream().filter(r -> r.target() == Target.ASYNC)
                .filter(r -> !Double.isNaN(r.memory().heapPerInFlightKiB())).toList();
        if (async.isEmpty()) {
            return new Goal(target, "no async cell had a heap probe", Goal.Verdict.NOT_MEASURED);
        }
        CellRecord worst = async.stream().max(Comparator.comparingDouble(r -> r.memory().heapPerInFlightKiB())).orElseThrow();
        List<String> each = new ArrayList<>();
        async.forEach(r -> each.add(r.cell().id() + " " + Format.num(r.memory().heapPerInFlightKiB(), 0) + " KiB"));
        double kib = worst.memory().heapPerInFlightKiB();
        return new Goal(target, "worst " + Format.num(kib, 0) + " KiB per upload (" + worst.cell().id() + ", "
                + worst.memory().inFlightAtProbe() + " in flight); " + String.join(", ", each)
                + ". One probe resolves a few MiB, so with 10 in flight a figure is good to about ±0.5 MiB per upload;"
                + " the cells with 100 or more in flight are the precise ones", Goal.Verdict.of(kib <= 1024));
    }

    static Goal heapReduction(Results results) {
        String target = "≥ 95 % less peak heap than sync at 100 concurrent 50 MB uploads";
        Optional<Cell> cell = nearest(results, 50, 100);
        if (cell.isEmpty()) {
            return new Goal(target, "no cell", Goal.Verdict.NOT_MEASURED);
        }
        Ratios r = Ratios.of(results, cell.get());
        Optional<CellRecord> sync = results.find(cell.get(), Target.SYNC);
        Optional<CellRecord> async = results.find(cell.get(), Target.ASYNC);
        if (sync.isEmpty() || async.isEmpty() || Double.isNaN(async.get().memory().heapLiveAtProbe())) {
            return new Goal(target, "sync or async not measured at " + cell.get().id(), Goal.Verdict.NOT_MEASURED);
        }
        var s = sync.get().memory();
        var a = async.get().memory();
        String asyncText = "async " + Format.mib(a.heapLiveAtProbe()) + " live with " + a.inFlightAtProbe() + " in flight ("
                + Format.num(a.heapPerInFlightKiB(), 0) + " KiB per upload above the quiet heap), peak after GC " + Format.mib(a.heapPeak());
        if (sync.get().load().ooms() > 0 || Double.isNaN(s.heapLiveAtProbe())) {
            double demand = cell.get().concurrency() * cell.get().fileBytes() / (1024.0 * 1024);
            return new Goal(target, where(cell.get(), 50, 100) + "sync did not survive: " + sync.get().load().ooms() + " of "
                    + sync.get().load().sent() + " uploads answered 503 out-of-memory, " + sync.get().load().timeouts()
                    + " timed out, " + sync.get().load().ok() + " succeeded; its heap stood at the limit (peak after GC "
                    + Format.mib(s.heapPeak()) + ")" + (Double.isNaN(s.heapLiveAtProbe()) ? ", too busy collecting for the halfway probe"
                    : ", " + Format.mib(s.heapLiveAtProbe()) + " live at the probe") + ". " + asyncText + ": "
                    + Format.less(Ratios.reduction(a.heapLiveAtProbe(), s.heapPeak())) + " than sync's capped heap, "
                    + Format.less(Ratios.reduction(a.heapLiveAtProbe(), demand)) + " than the " + Format.num(demand, 0)
                    + " MiB the sync path would need", Goal.Verdict.SYNC_OOM);
        }
        String text = where(cell.get(), 50, 100) + "live heap at the halfway probe: sync " + Format.mib(s.heapLiveAtProbe())
                + " (" + s.inFlightAtProbe() + " in flight), " + asyncText + " → " + Format.less(r.heapReductionPct())
                + "; above the quiet heap " + Format.mib(s.heapLiveAboveIdle()) + " vs " + Format.mib(a.heapLiveAboveIdle())
                + " → " + Format.less(r.heapAboveBaselineReductionPct());
        return new Goal(target, text, Goal.Verdict.of(r.heapReductionPct() >= 95));
    }

    static Goal throughput(Results results) {
        String target = "async throughput ≥ 5× sync at 100 concurrent uploads, 200 ms provider latency";
        Optional<Cell> cell = nearest(results, 1, 100);
        if (cell.isEmpty()) {
            return new Goal(target, "no cell", Goal.Verdict.NOT_MEASURED);
        }
        Ratios r = Ratios.of(results, cell.get());
        if (Double.isNaN(r.asyncOverSync())) {
            return new Goal(target, "sync or async has no successful upload at " + cell.get().id(), Goal.Verdict.NOT_MEASURED);
        }
        return new Goal(target, where(cell.get(), 1, 100) + Format.num(r.asyncOverSync(), 2) + "× ("
                + rate(results, cell.get(), Target.ASYNC) + " vs " + rate(results, cell.get(), Target.SYNC) + ")",
                Goal.Verdict.of(r.asyncOverSync() >= 5));
    }

    static Goal proxy(Results results) {
        String target = "gateway async throughput ≥ 0.8× direct and ≥ 1.0× nginx for 50 MB files";
        List<Cell> cells = results.matrix().byShape().stream().filter(c -> c.sizeMiB() == 50).toList();
        if (cells.isEmpty()) {
            cells = nearest(results, 50, 10).stream().toList();
        }
        List<String> parts = new ArrayList<>();
        boolean met = true;
        boolean any = false;
        for (Cell cell : cells) {
            Ratios r = Ratios.of(results, cell);
            if (!Double.isNaN(r.asyncOverDirect())) {
                any = true;
                met &= r.asyncOverDirect() >= 0.8;
            }
            if (!Double.isNaN(r.asyncOverNginx())) {
                met &= r.asyncOverNginx() >= 1.0;
            }
            parts.add(where(cell, 50, cell.concurrency()) + "async/direct " + Format.num(r.asyncOverDirect(), 2)
                    + "×, async/nginx " + Format.num(r.asyncOverNginx(), 2) + "× (" + rate(results, cell, Target.ASYNC)
                    + " vs direct " + rate(results, cell, Target.DIRECT) + ", nginx " + rate(results, cell, Target.NGINX) + ")");
        }
        return new Goal(target, String.join("; ", parts), any ? Goal.Verdict.of(met) : Goal.Verdict.NOT_MEASURED);
    }

    static Goal addedLatency(Results results) {
        String target = "added p50 latency over direct ≤ 5 ms for 1 MB files";
        Optional<Cell> cell = nearest(results, 1, 10);
        if (cell.isEmpty()) {
            return new Goal(target, "no cell", Goal.Verdict.NOT_MEASURED);
        }
        Ratios r = Ratios.of(results, cell.get());
        if (Double.isNaN(r.asyncAddedP50Ms())) {
            return new Goal(target, "async or direct has no successful upload at " + cell.get().id(), Goal.Verdict.NOT_MEASURED);
        }
        return new Goal(target, where(cell.get(), 1, 10) + "async +" + Format.num(r.asyncAddedP50Ms(), 1) + " ms, sync +"
                + Format.num(r.syncAddedP50Ms(), 1) + " ms over direct's p50 of "
                + Format.num(results.find(cell.get(), Target.DIRECT).map(x -> x.load().p50()).orElse(Double.NaN), 1) + " ms",
                Goal.Verdict.of(r.asyncAddedP50Ms() <= 5));
    }

    /** The planned cell closest to size × concurrency (on a log scale of both). */
    static Optional<Cell> nearest(Results results, int sizeMiB, int concurrency) {
        return results.matrix().byShape().stream().min(Comparator.comparingDouble(c ->
                Math.abs(Math.log(c.sizeMiB() / sizeMiB)) + Math.abs(Math.log((double) c.concurrency() / concurrency))));
    }

    static String where(Cell cell, int sizeMiB, int concurrency) {
        boolean exact = cell.sizeMiB() == sizeMiB && cell.concurrency() == concurrency;
        return exact ? cell.id() + ": " : cell.id() + " (this matrix has no " + Cell.id(sizeMiB, concurrency) + "): ";
    }

    static String rate(Results results, Cell cell, Target target) {
        return results.find(cell, target).map(r -> Format.num(r.load().mibPerSecond(), 1) + " MiB/s, "
                + Format.num(r.load().uploadsPerSecond(), 1) + " uploads/s").orElse("not run");
    }
}
