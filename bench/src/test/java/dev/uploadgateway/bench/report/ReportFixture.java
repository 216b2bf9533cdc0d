package dev.uploadgateway.bench.report;

import dev.uploadgateway.bench.load.LoadResult;
import dev.uploadgateway.bench.load.Percentiles;
import dev.uploadgateway.bench.measure.CpuUse;
import dev.uploadgateway.bench.measure.Memory;
import dev.uploadgateway.bench.plan.Cell;
import dev.uploadgateway.bench.plan.Matrix;
import dev.uploadgateway.bench.plan.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Results built by hand: a small matrix with the figures each test needs. */
final class ReportFixture {

    static final Cell SMALL = new Cell(Cell.MIB, 10, 100, false);
    static final Cell CROWD = new Cell(Cell.MIB, 100, 1000, false);
    static final Cell BIG = new Cell(50 * Cell.MIB, 100, 100, false);
    /** The shipped stage-1 rule: async p95 / sync p95 ≤ 1.10, judged from 100 samples a side. */
    static final LatencyCriterion CRITERION = new LatencyCriterion(1.10, 100, "test");

    private ReportFixture() {
    }

    static Results results() {
        Results r = new Results(new Matrix("test", List.of(SMALL, CROWD, BIG), Duration.ofSeconds(60), 5L << 30),
                List.of(Target.values()));
        r.add(record(SMALL, Target.DIRECT, 50, 250, 0, none()));
        r.add(record(SMALL, Target.SYNC, 40, 300, 0, heap(60, 80, 10)));
        r.add(cpu(record(SMALL, Target.ASYNC, 45, 253, 0, heap(60, 62, 10)), 6, 1));
        r.add(cpu(record(SMALL, Target.NGINX, 49, 251, 0, Memory.rssOnly(20)), 2, 3));
        r.add(cpu(record(SMALL, Target.FLOOR, 60, 240, 0, Memory.rssOnly(300)), 4, 1));
        r.add(record(CROWD, Target.SYNC, 20, 4000, 7, heap(60, 200, 99)));
        r.add(record(CROWD, Target.ASYNC, 120, 700, 0, heap(60, 75, 99)));
        r.add(record(BIG, Target.DIRECT, 4, 20000, 0, none()));
        r.add(record(BIG, Target.SYNC, 0.5, 30000, 2, heap(60, 500, 50)));
        r.add(record(BIG, Target.ASYNC, 3.4, 24000, 0, heap(60, 72, 50)));
        r.add(record(BIG, Target.NGINX, 3.6, 21000, 0, Memory.rssOnly(25)));
        return r;
    }

    static CellRecord record(Cell cell, Target target, double uploadsPerSecond, double p50, int timeouts, Memory memory) {
        int ok = (int) Math.round(uploadsPerSecond * 10);
        LoadResult load = new LoadResult(ok + timeouts, ok, 0, timeouts, 0, 10.0, cell.fileBytes(),
                new Percentiles(new double[]{p50}), Map.of("OK ok", ok), 5, true);
        return new CellRecord(cell, target, load, memory, List.of(), null, List.of());
    }

    /** The record with {@code msPerUpload} of CPU per successful upload over {@code processes} processes. */
    static CellRecord cpu(CellRecord r, double msPerUpload, int processes) {
        return new CellRecord(r.cell(), r.target(), r.load(), r.memory(), r.threads(), r.profile(), r.notes(),
                new CpuUse(msPerUpload * r.load().ok(), 0, 0, 0.5 * r.load().ok(), processes, ""));
    }

    static Memory heap(double idle, double live, int inFlight) {
        return new Memory(idle, idle, live, inFlight, live + 50, 400, 600, 3, 30, 0);
    }

    static Memory none() {
        return Memory.none();
    }
}
