package dev.uploadgateway.bench.report;

import dev.uploadgateway.bench.load.LoadResult;
import dev.uploadgateway.bench.measure.CpuUse;
import dev.uploadgateway.bench.measure.JfrSummary;
import dev.uploadgateway.bench.measure.Memory;
import dev.uploadgateway.bench.measure.ThreadCensus;
import dev.uploadgateway.bench.plan.Cell;
import dev.uploadgateway.bench.plan.Target;
import java.util.List;

/**
 * Everything measured for one target in one cell. {@code threads} is the gateway's thread census at
 * the halfway probe (empty for other targets); {@code profile} is null unless the cell was profiled;
 * {@code cpu} is what the target's own processes and the emulator used over the cell's load.
 */
public record CellRecord(Cell cell, Target target, LoadResult load, Memory memory, List<ThreadCensus.Group> threads,
                         JfrSummary profile, List<String> notes, CpuUse cpu) {

    public CellRecord {
        threads = List.copyOf(threads);
        notes = List.copyOf(notes);
    }

    /** A record without CPU figures (a profile pass, whose figures are not reported). */
    public CellRecord(Cell cell, Target target, LoadResult load, Memory memory, List<ThreadCensus.Group> threads,
                      JfrSummary profile, List<String> notes) {
        this(cell, target, load, memory, threads, profile, notes, CpuUse.none());
    }
}
