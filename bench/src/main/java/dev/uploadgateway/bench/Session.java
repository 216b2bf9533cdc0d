package dev.uploadgateway.bench;

import dev.uploadgateway.bench.measure.ServerLog;
import dev.uploadgateway.bench.process.Gateway;
import dev.uploadgateway.bench.process.GatewaySettings;
import dev.uploadgateway.bench.process.Nginx;
import dev.uploadgateway.bench.report.Baseline;
import dev.uploadgateway.bench.report.Charts;
import dev.uploadgateway.bench.report.Goal;
import dev.uploadgateway.bench.report.Goals;
import dev.uploadgateway.bench.report.LatencyCriterion;
import dev.uploadgateway.bench.report.Machine;
import dev.uploadgateway.bench.report.MarkdownReport;
import dev.uploadgateway.bench.report.Results;
import dev.uploadgateway.bench.report.ResultsCsv;
import dev.uploadgateway.bench.report.RunInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes what a run found: results.csv, the charts and report.md (compared with the baseline run
 * when one was given), and the verdicts on stdout.
 */
final class Session {

    private final BenchOptions options;
    private final GatewaySettings settings;
    private final Gateway gateway;
    private final Optional<Path> nginx;
    private final Instant started;
    private final String build;
    private final Optional<Baseline> baseline;
    private final LatencyCriterion latency;

    Session(BenchOptions options, GatewaySettings settings, Gateway gateway, Optional<Path> nginx, Instant started, String build,
            Optional<Baseline> baseline, LatencyCriterion latency) {
        this.latency = latency;
        this.build = build;
        this.baseline = baseline;
        this.options = options;
        this.settings = settings;
        this.gateway = gateway;
        this.nginx = nginx;
        this.started = started;
    }

    /**
     * Writes the report of what is measured so far. Called after every cell, so that a run
     * interrupted from outside still leaves its figures (marked incomplete), and once at the end.
     */
    Path write(Results results, boolean complete) throws IOException {
        Path out = Files.createDirectories(options.out());
        if (complete) {
            for (int generation = 1; generation <= gateway.generation(); generation++) {
                results.note(ServerLog.summary(gateway.log().resolveSibling("gateway-" + generation + ".log")));
            }
            if (results.targets().contains(dev.uploadgateway.bench.plan.Target.FLOOR)) {
                results.note("payara-floor's " + ServerLog.summary(options.work().resolve("floor/floor.log")));
            }
            results.note("Logs, GC logs" + (settings.recordJfr() ? " and JFR recordings" : "")
                    + " of this run: " + options.repository().relativize(options.work()) + "/ (not kept in git).");
        }
        int planned = results.matrix().cells().size() * results.targets().size();
        String mode = (options.quick() ? "quick" : "full") + (complete ? ""
                : " (INCOMPLETE: " + results.records().size() + " of " + planned + " target-cells measured when this was written)");
        var machine = new java.util.LinkedHashMap<>(Machine.describe(settings.microJar(), nginx.map(Nginx::version).orElse("not used")));
        machine.put("Gateway build", build);
        RunInfo run = new RunInfo(mode, options.commandLine(), started, Benchmark.since(started),
                options.latencyMs(), options.heap(), options.clientTimeoutSeconds(), options.asyncTimeoutSeconds(),
                machine, gateway.restarts(), settings.recordJfr(), latency, options.warmUp());
        Files.writeString(out.resolve("results.csv"), ResultsCsv.render(results));
        List<String> charts = Charts.write(results, run, out);
        Path report = out.resolve("report.md");
        Files.writeString(report, MarkdownReport.render(results, run, charts, baseline));
        if (complete) {
            for (Goal goal : Goals.evaluate(results)) {
                Benchmark.OUT.println("bench: [" + goal.verdict().label() + "] " + goal.target() + " — " + goal.measured());
            }
        }
        return report;
    }
}
