package dev.uploadgateway.bench.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The cells of one run and the bounds that keep it finite: at most {@code issueLimit} of sending
 * per cell (then the loop stops issuing and waits for what is in flight) and at most
 * {@code cellByteBudget} bytes per cell.
 */
public record Matrix(String name, List<Cell> cells, Duration issueLimit, long cellByteBudget) {

    private static final long GIB = 1024 * Cell.MIB;

    public Matrix {
        cells = List.copyOf(cells);
    }

    /**
     * Covers every target figure: 1 MiB at 10/100/1000 (latency, CPU against the floor, the 5×
     * throughput claim, the share of nginx's throughput), 64 KiB at 10/100 (where the cost per
     * request rules: async against sync at every size), 10 MiB at 10/100, 50 MiB at 10/100 (heap,
     * CPU against the floor and the proxy comparison; 100 × 50 MiB is the sync path's out-of-memory
     * case at -Xmx512m), 100 MiB at 10 (size independence). Run in the order of the targets that
     * need them, so that a run cut short by its time limit loses the least; reports show them by
     * size and concurrency. 10 MiB × 100 sends 200 uploads rather than 400: no target figure rests
     * on it, and the five targets' turns at 64 KiB need the time.
     */
    public static Matrix full() {
        long budget = 5 * GIB;
        return new Matrix("full", List.of(
                Cell.of(1, 10, 400, budget, false),
                Cell.of(1, 100, 1500, budget, true),
                Cell.of(50, 100, 100, budget, true),
                Cell.of(50, 10, 60, budget, false),
                Cell.ofKiB(64, 10, 400, budget, false),
                Cell.ofKiB(64, 100, 1500, budget, false),
                Cell.of(10, 10, 200, budget, false),
                Cell.of(10, 100, 200, budget, false),
                Cell.of(100, 10, 40, budget, false),
                Cell.of(1, 1000, 2000, budget, false)), Duration.ofSeconds(30), budget);
    }

    /** A smoke test of every moving part, every target and the CPU figures in about a minute of load. */
    public static Matrix quick() {
        long budget = GIB / 2;
        return new Matrix("quick", List.of(
                Cell.ofKiB(64, 10, 40, budget, false),
                Cell.of(1, 10, 40, budget, false),
                Cell.of(1, 100, 200, budget, false),
                Cell.of(10, 10, 20, budget, false)), Duration.ofSeconds(15), budget);
    }

    /** The targets in the order cell {@code index} runs them: rotated by one per cell. */
    public static List<Target> order(int index, List<Target> targets) {
        List<Target> order = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            order.add(targets.get((index + i) % targets.size()));
        }
        return order;
    }

    /** The cells by file size, then concurrency: the order tables and charts show them in. */
    public List<Cell> byShape() {
        return cells.stream().sorted(java.util.Comparator.comparingLong(Cell::fileBytes).thenComparingInt(Cell::concurrency)).toList();
    }

    /** The file sizes of the cells in bytes, smallest first: one test file each. */
    public List<Long> fileSizes() {
        return cells.stream().map(Cell::fileBytes).distinct().sorted().toList();
    }
}
