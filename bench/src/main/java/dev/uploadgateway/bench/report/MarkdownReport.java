package dev.uploadgateway.bench.report;

import dev.uploadgateway.bench.load.LoadResult;
import dev.uploadgateway.bench.measure.Memory;
import dev.uploadgateway.bench.plan.Cell;
import dev.uploadgateway.bench.plan.Target;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The report a reader opens first: machine, setup and warm-up, verdicts, ratios, CPU per upload and
 * the stage-1 latency verdicts, the comparison with an earlier run when one is given, every figure,
 * charts, failures.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(Results results, RunInfo run, List<String> charts) {
        return render(results, run, charts, Optional.empty());
    }

    public static String render(Results results, RunInfo run, List<String> charts, Optional<Baseline> baseline) {
        StringBuilder md = new StringBuilder();
        md.append("# Upload gateway benchmark — ").append(run.mode()).append(" run\n\n");
        md.append("Measured ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(run.started().atOffset(ZoneOffset.UTC).withNano(0)))
                .append(" UTC in ").append(run.took().toMinutes()).append(" min ").append(run.took().toSecondsPart())
                .append(" s with `").append(run.command()).append("`. One run on a shared machine: read differences of a few")
                .append(" percent as noise. Raw figures: [results.csv](results.csv).\n\n");
        section(md, "Machine");
        md.append("| | |\n|---|---|\n");
        run.machine().entrySet()
                .forEach(e -> md.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n"));
        Setup.append(md, results, run);
        section(md, "Targets");
        md.append("Reported, not asserted.\n\n| target | measured | verdict |\n|---|---|---|\n");
        for (Goal g : Goals.evaluate(results)) {
            md.append("| ").append(g.target()).append(" | ").append(g.measured()).append(" | **").append(g.verdict().label()).append("** |\n");
        }
        Promises.append(md, results);
        ratios(md, results);
        HotPathSection.append(md, results, run);
        baseline.ifPresent(b -> BeforeAfter.append(md, results, b));
        figures(md, results);
        section(md, "Charts");
        charts.forEach(c -> md.append("![").append(c.replace(".svg", "")).append("](").append(c).append(")\n\n"));
        failures(md, results);
        ProfileSection.append(md, results);
        section(md, "Notes");
        idleTrend(md, results);
        run.gatewayRestarts().forEach(r -> md.append("- Gateway restarted: ").append(r).append('\n'));
        results.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        results.records().forEach(r -> r.notes().forEach(n -> md.append("- ").append(r.cell().id()).append(' ')
                .append(r.target().label()).append(": ").append(n).append('\n')));
        return md.toString();
    }

    /** The idle live heap before each gateway cell, in run order: a rising line means the gateway keeps something per upload. */
    private static void idleTrend(StringBuilder md, Results results) {
        List<String> points = new java.util.ArrayList<>();
        int uploads = 0;
        for (CellRecord r : results.records()) {
            if (r.target().gateway() && !Double.isNaN(r.memory().heapBefore())) {
                points.add(Format.num(r.memory().heapBefore(), 0) + " MiB after " + uploads);
            }
            if (r.target().gateway()) {
                uploads += r.load().sent();
            }
        }
        if (!points.isEmpty()) {
            md.append("- Live heap of the quiet gateway before each gateway cell, in run order (MiB after N uploads sent to it;")
                    .append(" a restart resets it); a rising line is memory the gateway keeps per upload: ").append(String.join(", ", points)).append('\n');
        }
    }

    private static String quiet(Memory m) {
        return Double.isNaN(m.heapBefore()) ? "n/a" : Format.num(m.heapBefore(), 0) + " → " + Format.mib(m.heapAfter());
    }

    static void section(StringBuilder md, String title) {
        md.append("\n## ").append(title).append("\n\n");
    }

    private static void ratios(StringBuilder md, Results results) {
        section(md, "Ratios by cell");
        md.append("Heap reduction compares the live heap at the halfway probe (async against sync); \"above idle\" subtracts")
                .append(" each run's idle live heap first. Latency change is async against sync, negative = async faster.\n\n")
                .append("| cell | async/sync uploads/s | heap reduction | heap reduction above idle | p50 change | p99 change |")
                .append(" timeouts sync → async | async/direct | async/nginx | nginx/direct | p50 added over direct: async / sync |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Cell cell : results.matrix().byShape()) {
            Ratios r = Ratios.of(results, cell);
            md.append("| ").append(cell.id()).append(" | ").append(Format.times(r.asyncOverSync())).append(" | ")
                    .append(Format.less(r.heapReductionPct())).append(" | ")
                    .append(Format.less(r.heapAboveBaselineReductionPct())).append(" | ")
                    .append(Format.pct(r.p50ChangePct())).append(" | ").append(Format.pct(r.p99ChangePct())).append(" | ")
                    .append(r.syncTimeouts()).append(" → ").append(r.asyncTimeouts()).append(" | ")
                    .append(Format.times(r.asyncOverDirect())).append(" | ").append(Format.times(r.asyncOverNginx())).append(" | ")
                    .append(Format.times(r.nginxOverDirect())).append(" | ").append(Format.num(r.asyncAddedP50Ms(), 1))
                    .append(" / ").append(Format.num(r.syncAddedP50Ms(), 1)).append(" ms |\n");
        }
    }

    private static void figures(StringBuilder md, Results results) {
        section(md, "Results by cell");
        md.append("| cell | target | ok / sent | errors | timeouts | OOM | uploads/s | MiB/s | p50 ms | p95 ms | p99 ms |")
                .append(" heap quiet before → after | heap live at probe (in flight) | heap per upload | heap peak | heap used peak | RSS peak | GC pauses |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Cell cell : results.matrix().byShape()) {
            for (Target t : results.targets()) {
                results.find(cell, t).ifPresent(r -> {
                    LoadResult l = r.load();
                    Memory m = r.memory();
                    md.append("| ").append(cell.id()).append(" | ").append(t.label()).append(" | ").append(l.ok()).append(" / ")
                            .append(l.sent()).append(" | ").append(l.errors()).append(" | ").append(l.timeouts()).append(" | ")
                            .append(l.ooms()).append(" | ").append(Format.num(l.uploadsPerSecond(), 1)).append(" | ")
                            .append(Format.num(l.mibPerSecond(), 1)).append(" | ").append(Format.num(l.p50(), 0)).append(" | ")
                            .append(Format.num(l.p95(), 0)).append(" | ").append(Format.num(l.p99(), 0)).append(" | ")
                            .append(quiet(m)).append(" | ").append(Format.mib(m.heapLiveAtProbe()))
                            .append(m.inFlightAtProbe() >= 0 ? " (" + m.inFlightAtProbe() + ")" : "").append(" | ")
                            .append(Double.isNaN(m.heapPerInFlightKiB()) ? "n/a" : Format.num(m.heapPerInFlightKiB(), 0) + " KiB")
                            .append(" | ").append(Format.mib(m.heapPeak())).append(" | ").append(Format.mib(m.heapPeakUsed()))
                            .append(" | ").append(Format.mib(m.rssPeak())).append(" | ")
                            .append(t.gateway() ? m.gcPauses() + " (" + Format.num(m.gcPauseMs(), 0) + " ms"
                                    + (m.fullGcs() > 0 ? ", " + m.fullGcs() + " full" : "") + ")" : "n/a").append(" |\n");
                });
            }
        }
    }

    private static void failures(StringBuilder md, Results results) {
        section(md, "Outcomes other than success");
        boolean any = false;
        for (CellRecord r : results.records()) {
            var bad = r.load().details().entrySet().stream().filter(e -> !e.getKey().startsWith("OK")).toList();
            if (!bad.isEmpty()) {
                any = true;
                md.append("- ").append(r.cell().id()).append(' ').append(r.target().label()).append(": ");
                md.append(String.join("; ", bad.stream().map(e -> e.getKey() + " × " + e.getValue()).toList())).append('\n');
            }
        }
        if (!any) {
            md.append("None: every request of every cell succeeded.\n");
        }
        md.append("\nSuccessful gateway uploads by path: ");
        md.append(String.join("; ", results.records().stream().filter(r -> r.target().gateway())
                .map(r -> r.cell().id() + " " + r.target().label() + " " + String.join(", ", r.load().details().entrySet().stream()
                        .filter(e -> e.getKey().startsWith("OK")).map(e -> e.getKey().substring(3) + " " + e.getValue()).toList()))
                .toList())).append('\n');
    }
}
