package dev.uploadgateway.bench.report;

import dev.uploadgateway.bench.load.LoadResult;
import dev.uploadgateway.bench.plan.Cell;
import dev.uploadgateway.bench.plan.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hot path's targets: what an async upload costs against the bare server (payara-floor) and a
 * streaming proxy (nginx), and how long it takes against sync and direct. Each is reported met or
 * missed with the margin, and judged on every cell it names; a matrix without such a cell (the
 * quick one) is judged on the nearest and says so.
 */
final class HotPathGoals {

    private HotPathGoals() {
    }

    static List<Goal> evaluate(Results results) {
        return List.of(cpuOverFloor(results, 1, 1.5), cpuOverFloor(results, 50, 1.3), asyncNotSlowerThanSync(results),
                addedP50Ms(results, 10), addedP50Share(results, 15), nginxShare(results, 50, 10, 0.9),
                nginxShare(results, 50, 100, 0.85), nginxShare(results, 1, 100, 0.55));
    }

    /** Async CPU per upload over the floor's, in every cell of {@code sizeMiB}. */
    static Goal cpuOverFloor(Results results, int sizeMiB, double limit) {
        String target = "async CPU per upload ≤ " + Format.num(limit, 1) + "× the payara-floor's at " + sizeMiB + " MiB";
        List<Cell> cells = results.matrix().byShape().stream().filter(c -> c.sizeMiB() == sizeMiB).toList();
        if (cells.isEmpty()) {
            cells = Goals.nearest(results, sizeMiB, 10).stream().toList();
        }
        List<String> parts = new ArrayList<>();
        boolean met = true;
        boolean any = false;
        for (Cell cell : cells) {
            Optional<CellRecord> async = results.find(cell, Target.ASYNC);
            Optional<CellRecord> floor = results.find(cell, Target.FLOOR);
            double ratio = async.map(r -> CpuCost.of(results, r).overFloor()).orElse(Double.NaN);
            if (!Double.isNaN(ratio)) {
                any = true;
                met &= ratio <= limit;
            }
            parts.add(Goals.where(cell, sizeMiB, cell.concurrency()) + Format.times(ratio) + " (async "
                    + ms(async.map(CpuCost::perUpload)) + " vs floor " + ms(floor.map(CpuCost::perUpload)) + " per upload), "
                    + Format.margin(ratio, limit, true, 2, "×"));
        }
        return new Goal(target, String.join("; ", parts), any ? Goal.Verdict.of(met) : Goal.Verdict.NOT_MEASURED);
    }

    /** Async p50 and p95 at most sync's, in every cell both were measured in. */
    static Goal asyncNotSlowerThanSync(Results results) {
        String target = "async p50 and p95 ≤ sync at every size";
        List<String> slower = new ArrayList<>();
        int judged = 0;
        for (Cell cell : results.matrix().byShape()) {
            Optional<LoadResult> sync = results.find(cell, Target.SYNC).map(CellRecord::load);
            Optional<LoadResult> async = results.find(cell, Target.ASYNC).map(CellRecord::load);
            if (sync.isEmpty() || async.isEmpty() || Double.isNaN(sync.get().p50()) || Double.isNaN(async.get().p50())) {
                continue;
            }
            judged++;
            List<String> over = new ArrayList<>();
            over(over, "p50", async.get().p50(), sync.get().p50());
            over(over, "p95", async.get().p95(), sync.get().p95());
            if (!over.isEmpty()) {
                LoadResult s = sync.get();
                slower.add(cell.id() + " " + String.join(", ", over) + (s.ooms() > 0
                        ? " (sync answered " + s.ooms() + " of " + s.sent() + " out-of-memory, its latency is of the " + s.ok() + " it served)" : ""));
            }
        }
        if (judged == 0) {
            return new Goal(target, "no cell with successful sync and async uploads", Goal.Verdict.NOT_MEASURED);
        }
        String measured = slower.isEmpty() ? "async at or below sync in all " + judged + " cells"
                : "async slower in " + slower.size() + " of " + judged + " cells, by: " + String.join("; ", slower);
        return new Goal(target, measured, Goal.Verdict.of(slower.isEmpty()));
    }

    private static void over(List<String> over, String name, double async, double sync) {
        if (async > sync) {
            over.add(name + " +" + Format.num(async - sync, 1) + " ms (" + Format.pct(Ratios.change(async, sync)) + ")");
        }
    }

    /** Async p50 over direct's at 1 MiB × 10, in ms. */
    static Goal addedP50Ms(Results results, double limitMs) {
        String target = "added p50 over direct ≤ " + Format.num(limitMs, 0) + " ms at 1 MiB × 10";
        Optional<Cell> cell = Goals.nearest(results, 1, 10);
        if (cell.isEmpty()) {
            return new Goal(target, "no cell", Goal.Verdict.NOT_MEASURED);
        }
        double added = Ratios.of(results, cell.get()).asyncAddedP50Ms();
        if (Double.isNaN(added)) {
            return new Goal(target, "async or direct has no successful upload at " + cell.get().id(), Goal.Verdict.NOT_MEASURED);
        }
        return new Goal(target, Goals.where(cell.get(), 1, 10) + "async +" + Format.num(added, 1) + " ms over direct's p50 of "
                + Format.num(directP50(results, cell.get()), 1) + " ms, " + Format.margin(added, limitMs, true, 1, " ms"),
                Goal.Verdict.of(added <= limitMs));
    }

    /** Async p50 over direct's at 50 MiB × 10, in percent of direct's. */
    static Goal addedP50Share(Results results, double limitPct) {
        String target = "added p50 over direct ≤ " + Format.num(limitPct, 0) + " % of direct's p50 at 50 MiB × 10";
        Optional<Cell> cell = Goals.nearest(results, 50, 10);
        if (cell.isEmpty()) {
            return new Goal(target, "no cell", Goal.Verdict.NOT_MEASURED);
        }
        double direct = directP50(results, cell.get());
        double added = Ratios.of(results, cell.get()).asyncAddedP50Ms();
        double pct = direct > 0 ? 100 * added / direct : Double.NaN;
        if (Double.isNaN(pct)) {
            return new Goal(target, "async or direct has no successful upload at " + cell.get().id(), Goal.Verdict.NOT_MEASURED);
        }
        return new Goal(target, Goals.where(cell.get(), 50, 10) + "async +" + Format.num(added, 1) + " ms over direct's p50 of "
                + Format.num(direct, 1) + " ms = " + Format.num(pct, 1) + " %, " + Format.margin(pct, limitPct, true, 1, " points"),
                Goal.Verdict.of(pct <= limitPct));
    }

    /** Async uploads/s over nginx's in the cell of {@code sizeMiB} × {@code concurrency}. */
    static Goal nginxShare(Results results, int sizeMiB, int concurrency, double limit) {
        String target = sizeMiB + " MiB × " + concurrency + ": async ≥ " + Format.num(limit, 2) + "× nginx uploads/s";
        Optional<Cell> cell = Goals.nearest(results, sizeMiB, concurrency);
        if (cell.isEmpty()) {
            return new Goal(target, "no cell", Goal.Verdict.NOT_MEASURED);
        }
        double ratio = Ratios.of(results, cell.get()).asyncOverNginx();
        if (Double.isNaN(ratio)) {
            return new Goal(target, "async or nginx has no successful upload at " + cell.get().id(), Goal.Verdict.NOT_MEASURED);
        }
        return new Goal(target, Goals.where(cell.get(), sizeMiB, concurrency) + Format.times(ratio) + " ("
                + Goals.rate(results, cell.get(), Target.ASYNC) + " vs nginx " + Goals.rate(results, cell.get(), Target.NGINX) + "), "
                + Format.margin(ratio, limit, false, 2, "×"), Goal.Verdict.of(ratio >= limit));
    }

    private static double directP50(Results results, Cell cell) {
        return results.find(cell, Target.DIRECT).map(r -> r.load().p50()).orElse(Double.NaN);
    }

    private static String ms(Optional<Double> value) {
        return value.map(v -> Double.isNaN(v) ? "n/a" : Format.num(v, 2) + " ms").orElse("not run");
    }
}
