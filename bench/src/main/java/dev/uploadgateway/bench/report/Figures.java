package dev.uploadgateway.bench.report;

import dev.uploadgateway.bench.load.LoadResult;
import dev.uploadgateway.bench.plan.Target;

/**
 * What a before/after comparison shows of one target in one cell, taken from this run's records
 * or from an earlier run's results.csv alike, so that both sides are the same figures. NaN where a
 * figure is not known, -1 for a count that is not; {@code problems} is errors + timeouts + OOM;
 * {@code cpuMsPerUpload} is the target's own processes' CPU per successful upload (runs before
 * the CPU columns have none).
 */
record Figures(String cell, int requests, Target target, double uploadsPerSecond, double p50, double p99, int problems,
               double heapPerInFlightKiB, double cpuMsPerUpload) {

    static Figures of(CellRecord record) {
        LoadResult load = record.load();
        return new Figures(record.cell().id(), record.cell().requests(), record.target(), load.uploadsPerSecond(),
                load.p50(), load.p99(), load.errors() + load.timeouts() + load.ooms(), record.memory().heapPerInFlightKiB(),
                CpuCost.perUpload(record));
    }
}
