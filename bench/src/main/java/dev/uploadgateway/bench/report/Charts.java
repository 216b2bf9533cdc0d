package dev.uploadgateway.bench.report;

import dev.uploadgateway.bench.plan.Cell;
import dev.uploadgateway.bench.plan.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The report's SVG charts: throughput, p50 latency, peak heap, peak RSS and CPU per upload, by cell. */
public final class Charts {

    private static final Map<Target, String> COLORS = Map.of(Target.DIRECT, "#7f7f7f", Target.SYNC, "#d62728",
            Target.ASYNC, "#1f77b4", Target.NGINX, "#2ca02c", Target.FLOOR, "#9467bd");

    private Charts() {
    }

    /** Writes the charts into {@code dir} and returns their file names. */
    public static List<String> write(Results results, RunInfo run, Path dir) throws IOException {
        List<String> names = List.of("throughput.svg", "latency-p50.svg", "heap-live.svg", "rss-peak.svg", "cpu-per-upload.svg");
        List<String> categories = results.matrix().byShape().stream().map(Cell::id).toList();
        Files.writeString(dir.resolve(names.get(0)), SvgBarChart.render("Throughput by cell (higher is better)", "MiB/s",
                categories, series(results, results.targets(), r -> r.load().mibPerSecond(), false), false, Double.NaN, ""));
        Files.writeString(dir.resolve(names.get(1)), SvgBarChart.render("p50 latency of successful uploads (log scale, lower is better)",
                "ms", categories, series(results, results.targets(), r -> r.load().p50(), false), true, Double.NaN, ""));
        List<Target> gateway = List.of(Target.SYNC, Target.ASYNC);
        Files.writeString(dir.resolve(names.get(2)), SvgBarChart.render("Gateway live heap at the halfway probe (lower is better)", "MiB",
                categories, series(results, gateway, r -> r.memory().heapLiveAtProbe(), true), false, run.heapLimitMiB(),
                "-Xmx" + run.heap()));
        List<Target> rss = results.targets().stream().filter(t -> t != Target.DIRECT).toList();
        Files.writeString(dir.resolve(names.get(3)), SvgBarChart.render("Peak resident memory of the proxying process (lower is better)",
                "MiB", categories, series(results, rss, r -> r.memory().rssPeak(), false), false, Double.NaN, ""));
        Files.writeString(dir.resolve(names.get(4)), SvgBarChart.render("CPU per successful upload of the target's own processes"
                + " (log scale, lower is better)", "ms", categories, series(results, rss, CpuCost::perUpload, false), true, Double.NaN, ""));
        return names;
    }

    private static List<SvgBarChart.Series> series(Results results, List<Target> targets, Function<CellRecord, Double> value,
                                                   boolean markOom) {
        List<SvgBarChart.Series> list = new ArrayList<>();
        List<Cell> cells = results.matrix().byShape();
        for (Target t : targets) {
            double[] values = new double[cells.size()];
            String[] notes = new String[cells.size()];
            for (int i = 0; i < cells.size(); i++) {
                var record = results.find(cells.get(i), t);
                values[i] = record.map(value).orElse(Double.NaN);
                if (markOom && record.isPresent() && record.get().load().ooms() > 0) {
                    notes[i] = (Double.isNaN(values[i]) ? "" : SvgBarChart.Scale.label(values[i]) + " ") + "OOM×" + record.get().load().ooms();
                }
            }
            list.add(new SvgBarChart.Series(t.label(), COLORS.get(t), values, notes));
        }
        return list;
    }
}
