package dev.uploadgateway.bench.report;

import dev.uploadgateway.bench.measure.JfrSummary;
import dev.uploadgateway.bench.measure.ThreadCensus;
import java.util.List;

/** The gateway's threads at each probe and the JFR summaries of the profiled cells. */
final class ProfileSection {

    private static final int MIN_THREADS = 4;

    private ProfileSection() {
    }

    static void append(StringBuilder md, Results results) {
        MarkdownReport.section(md, "Gateway threads at the halfway probe");
        md.append("Pools with at least ").append(MIN_THREADS).append(" threads; \"mostly at\" is the first frame outside the JDK")
                .append(" of the largest share of the pool's threads.\n\n| cell | path | pool | threads | states | mostly at |\n|---|---|---|---|---|---|\n");
        for (CellRecord r : results.records()) {
            for (ThreadCensus.Group g : r.threads()) {
                if (g.threads() >= MIN_THREADS) {
                    md.append("| ").append(r.cell().id()).append(" | ").append(r.target().label()).append(" | `").append(g.pool())
                            .append("` | ").append(g.threads()).append(" | ").append(states(g)).append(" | `").append(g.mostAt())
                            .append("` (").append(g.mostAtCount()).append(") |\n");
                }
            }
        }
        for (CellRecord r : results.profiles()) {
            if (r.profile() != null) {
                jfr(md, r);
            }
        }
    }

    private static String states(ThreadCensus.Group g) {
        return String.join(", ", g.states().entrySet().stream().map(e -> e.getKey().name().toLowerCase() + " " + e.getValue()).toList());
    }

    private static void jfr(StringBuilder md, CellRecord r) {
        JfrSummary p = r.profile();
        MarkdownReport.section(md, "JFR profile: " + r.cell().id() + " " + r.target().label());
        md.append("A separate pass after the measured cells (its window of the recording that started with the gateway JVM): ")
                .append(r.load().sent()).append(" uploads sent, ").append(r.load().ok()).append(" answered successfully, at ")
                .append(Format.num(r.load().uploadsPerSecond(), 1)).append(" uploads/s (JFR on). ");
        md.append("CPU load over the recording: gateway JVM ").append(Format.num(p.jvmCpu() * 100, 0)).append(" %, machine ")
                .append(Format.num(p.machineCpu() * 100, 0)).append(" % (of ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores). ").append(p.samples()).append(" execution samples; ").append(p.gcs()).append(" collections, ")
                .append(Format.num(p.gcPauseMs(), 0)).append(" ms paused; ").append(p.fsyncs()).append(" fsyncs over 10 ms, ")
                .append(Format.num(p.fsyncMs(), 0)).append(" ms in total, longest ").append(Format.num(p.fsyncMaxMs(), 0)).append(" ms.\n\n");
        table(md, "CPU samples by thread pool", "pool", p.byPool(), p.samples(), false);
        table(md, "Hottest methods (top frame)", "method", p.topFrames(), p.samples(), false);
        table(md, "CPU samples by first gateway frame on the stack", "gateway frame", p.gatewayFrames(), p.samples(), false);
        table(md, "Lock contention (monitor enter over 10 ms)", "monitor at", p.monitors(), 0, true);
        table(md, "Parked threads (over 10 ms), by site", "site", p.parks(), 0, true);
    }

    private static void table(StringBuilder md, String title, String key, List<JfrSummary.Tally.Row> rows, int samples, boolean millis) {
        md.append("**").append(title).append("**\n\n");
        if (rows.isEmpty()) {
            md.append("none recorded\n\n");
            return;
        }
        md.append("| ").append(key).append(" | ").append(millis ? "total ms | events" : "samples | share").append(" |\n|---|---|---|\n");
        for (JfrSummary.Tally.Row row : rows) {
            md.append("| `").append(row.key().replace("|", "\\|")).append("` | ").append(Format.num(row.total(), 0)).append(" | ")
                    .append(millis ? Long.toString(row.events()) : Format.num(100.0 * row.total() / Math.max(1, samples), 1) + " %")
                    .append(" |\n");
        }
        md.append('\n');
    }
}
