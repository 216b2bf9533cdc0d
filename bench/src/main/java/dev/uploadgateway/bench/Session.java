package dev.uploadgateway.bench;

import dev.uploadgateway.bench.measure.ServerLog;
import dev.uploadgateway.bench.process.Gateway;
import dev.uploadgateway.bench.process.GatewaySettings;
import dev.uploadgateway.bench.process.Nginx;
import dev.uploadgateway.bench.report.Charts;
import dev.uploadgateway.bench.report.Goal;
import dev.uploadgateway.bench.report.Goals;
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

/** Writes what a run found: results.csv, the charts and report.md, and the verdicts on stdout. */
final class Session {

    private final BenchOptions options;
    private final GatewaySettings settings;
    private final Gateway gateway;
    private final Optional<Path> nginx;
    private final Instant started;
    private final String build;

    Session(BenchOptions options, GatewaySettings settings, Gateway gateway, Optional<Path> nginx, Instant started, String build) {
        this.build = build;
        this.options = options;
        this.settings = settings;
        this.gateway = gateway;
        this.nginx = nginx;
        this.started = started;
    }

    Path write(Results results) throws IOException {
        Path out = Files.createDirectories(options.out());
        for (int generation = 1; generation <= gateway.generation(); generation++) {
            results.note(ServerLog.summary(gateway.log().resolveSibling("gateway-" + generation + ".log")));
        }
        results.note("Logs, GC logs" + (options.profile() && !options.quick() ? " and JFR recordings" : "")
                + " of this run: " + options.repository().relativize(options.work()) + "/ (not kept in git).");
        var machine = new java.util.LinkedHashMap<>(Machine.describe(settings.microJar(), nginx.map(Nginx::version).orElse("not used")));
        machine.put("Gateway build", build);
        RunInfo run = new RunInfo(options.quick() ? "quick" : "full", options.commandLine(), started, Benchmark.since(started),
                options.latencyMs(), options.heap(), options.clientTimeoutSeconds(), options.asyncTimeoutSeconds(),
                machine, gateway.restarts());
        Files.writeString(out.resolve("results.csv"), ResultsCsv.render(results));
        List<String> charts = Charts.write(results, run, out);
        Path report = out.resolve("report.md");
        Files.writeString(report, MarkdownReport.render(results, run, charts));
        for (Goal goal : Goals.evaluate(results)) {
            System.out.println("bench: [" + goal.verdict().label() + "] " + goal.target() + " — " + goal.measured());
        }
        return report;
    }
}
