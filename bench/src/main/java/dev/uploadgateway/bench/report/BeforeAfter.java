package dev.uploadgateway.bench.report;

import dev.uploadgateway.bench.plan.Cell;
import dev.uploadgateway.bench.plan.Matrix;
import dev.uploadgateway.bench.plan.Target;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The report's "Before and after": this run against an earlier one ({@code --baseline}), which is
 * how a fix of a profile finding is shown to have worked — per cell and target, then the headline
 * ratios the targets are judged on, both sides computed alike from {@link RunFigures} (with the
 * gateway's CPU per upload, which the hot path's changes are judged on). "—" marks a
 * cell or target a run did not have, "n/a" one it had without that figure (no successful upload,
 * no heap probe).
 */
final class BeforeAfter {

    private static final String NONE = "—";

    private BeforeAfter() {
    }

    static void append(StringBuilder md, Results results, Baseline baseline) {
        RunFigures before = baseline.figures();
        RunFigures after = RunFigures.of(results);
        MarkdownReport.section(md, "Before and after");
        md.append("Against `").append(baseline.shownAs()).append("`, the results.csv of an earlier run (`--baseline`).")
                .append(" Each figure reads before → after; uploads/s with after/before in brackets. ")
                .append(NONE).append(" = not in that run, n/a = in it without that figure.\n\n")
                .append("| cell | target | uploads/s | p50 ms | p99 ms | errors + timeouts + OOM | heap per in-flight upload KiB |")
                .append(" CPU ms per upload |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (String cell : after.cells().stream().filter(before::has).toList()) {
            for (Target t : Target.values()) {
                Optional<Figures> b = before.find(cell, t);
                Optional<Figures> a = after.find(cell, t);
                if (b.isPresent() || a.isPresent()) {
                    md.append("| ").append(cell).append(requests(before.requests(cell), after.requests(cell))).append(" | ")
                            .append(t.label()).append(" | ").append(throughput(b, a)).append(" | ")
                            .append(pair(b, a, f -> Format.num(f.p50(), 0))).append(" | ")
                            .append(pair(b, a, f -> Format.num(f.p99(), 0))).append(" | ")
                            .append(pair(b, a, f -> f.problems() < 0 ? "n/a" : Integer.toString(f.problems()))).append(" | ")
                            .append(t.gateway() ? pair(b, a, f -> Format.num(f.heapPerInFlightKiB(), 0)) : "").append(" | ")
                            .append(t == Target.DIRECT ? "" : pair(b, a, f -> Format.num(f.cpuMsPerUpload(), 2))).append(" |\n");
                }
            }
        }
        only(md, "Only in the baseline", before.cells().stream().filter(c -> !after.has(c)).toList());
        only(md, "Only in this run", after.cells().stream().filter(c -> !before.has(c)).toList());
        headlines(md, before, after);
    }

    private static void headlines(StringBuilder md, RunFigures before, RunFigures after) {
        md.append("\n| headline ratio | before | after |\n|---|---|---|\n");
        headline(md, before, after, Cell.id(1, 100), "gateway-async / gateway-sync uploads/s",
                r -> r.throughputRatio(Cell.id(1, 100), Target.ASYNC, Target.SYNC), Format::times);
        for (String cell : fiftyMiB(before, after)) {
            headline(md, before, after, cell, "gateway-async / direct uploads/s",
                    r -> r.throughputRatio(cell, Target.ASYNC, Target.DIRECT), Format::times);
            headline(md, before, after, cell, "gateway-async / nginx uploads/s",
                    r -> r.throughputRatio(cell, Target.ASYNC, Target.NGINX), Format::times);
        }
        headline(md, before, after, Cell.id(1, 10), "p50 added by gateway-async over direct",
                r -> r.addedP50Ms(Cell.id(1, 10), Target.ASYNC, Target.DIRECT),
                v -> Double.isNaN(v) ? "n/a" : (v >= 0 ? "+" : "") + Format.num(v, 1) + " ms");
        headline(md, before, after, Cell.id(1, 10), "gateway-async CPU per upload",
                r -> r.cpuMsPerUpload(Cell.id(1, 10), Target.ASYNC), v -> Double.isNaN(v) ? "n/a" : Format.num(v, 2) + " ms");
    }

    private static void headline(StringBuilder md, RunFigures before, RunFigures after, String cell, String name,
                                 ToDoubleFunction<RunFigures> ratio, DoubleFunction<String> format) {
        md.append("| ").append(name).append(", ").append(cell).append(" | ")
                .append(before.has(cell) ? format.apply(ratio.applyAsDouble(before)) : NONE).append(" | ")
                .append(after.has(cell) ? format.apply(ratio.applyAsDouble(after)) : NONE).append(" |\n");
    }

    /** The 50 MiB cells of the full matrix and of either run, by concurrency. */
    private static List<String> fiftyMiB(RunFigures before, RunFigures after) {
        TreeSet<String> cells = new TreeSet<>(RunFigures.BY_SHAPE);
        Stream.concat(Matrix.full().cells().stream().map(Cell::id), Stream.concat(before.cells().stream(), after.cells().stream()))
                .filter(c -> RunFigures.sizeKiB(c) == 50 * 1024).forEach(cells::add);
        return List.copyOf(cells);
    }

    private static String throughput(Optional<Figures> before, Optional<Figures> after) {
        String text = pair(before, after, f -> Format.num(f.uploadsPerSecond(), 1));
        double factor = Ratios.ratio(after.map(Figures::uploadsPerSecond).orElse(Double.NaN),
                before.map(Figures::uploadsPerSecond).orElse(Double.NaN));
        return Double.isNaN(factor) ? text : text + " (" + Format.times(factor) + ")";
    }

    private static String pair(Optional<Figures> before, Optional<Figures> after, Function<Figures, String> figure) {
        return before.map(figure).orElse(NONE) + " → " + after.map(figure).orElse(NONE);
    }

    /** A cell run with another request count than in the baseline (e.g. a quick run) says so. */
    private static String requests(int before, int after) {
        return before >= 0 && after >= 0 && before != after ? " (" + before + " → " + after + " requests)" : "";
    }

    private static void only(StringBuilder md, String title, List<String> cells) {
        if (!cells.isEmpty()) {
            md.append("\n").append(title).append(": ").append(String.join(", ", cells)).append(".\n");
        }
    }
}
