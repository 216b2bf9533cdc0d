package dev.uploadgateway.bench;

import dev.uploadgateway.bench.load.LoadGenerator;
import dev.uploadgateway.bench.load.LoadResult;
import dev.uploadgateway.bench.load.Outcome;
import dev.uploadgateway.bench.load.UploadForms;
import dev.uploadgateway.bench.measure.CpuUse;
import dev.uploadgateway.bench.measure.CpuWatch;
import dev.uploadgateway.bench.measure.JitWatch;
import dev.uploadgateway.bench.measure.JmxProbe;
import dev.uploadgateway.bench.measure.ThreadCensus;
import dev.uploadgateway.bench.measure.Memory;
import dev.uploadgateway.bench.measure.RssWatch;
import dev.uploadgateway.bench.plan.Cell;
import dev.uploadgateway.bench.plan.Target;
import dev.uploadgateway.bench.plan.WarmUpRule;
import dev.uploadgateway.bench.process.Emulator;
import dev.uploadgateway.bench.process.Floor;
import dev.uploadgateway.bench.process.Gateway;
import dev.uploadgateway.bench.process.Nginx;
import dev.uploadgateway.bench.report.CellRecord;
import dev.uploadgateway.bench.report.WarmUpRecord;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs one target through one cell and measures it: the load and the CPU of the target's own
 * processes and the emulator for every target, resident memory of nginx and the floor, and for
 * the gateway everything {@link GatewayCell} adds. The emulator forgets its records after each
 * cell so its own memory stays flat.
 */
final class CellRunner {

    private final LoadGenerator load = new LoadGenerator();
    private final BenchOptions options;
    private final Emulator emulator;
    private final Gateway gateway;
    private final Nginx nginx;
    private final Floor floor;
    private final Map<Long, Path> files;
    private final Path canaryFile;
    private final Duration issueLimit;

    CellRunner(BenchOptions options, Emulator emulator, Gateway gateway, Nginx nginx, Floor floor, Map<Long, Path> files,
               Path canaryFile, Duration issueLimit) {
        this.canaryFile = canaryFile;
        this.options = options;
        this.emulator = emulator;
        this.gateway = gateway;
        this.nginx = nginx;
        this.floor = floor;
        this.files = files;
        this.issueLimit = issueLimit;
    }

    CellRecord run(Cell cell, Target target) throws Exception {
        List<String> notes = new ArrayList<>();
        Supplier<HttpRequest> requests = requests(target, files.get(cell.fileBytes()), clientTimeout());
        CellRecord record;
        if (target.gateway()) {
            record = new GatewayCell(gateway, options, cell, target, notes, false, this::canary, emulator.pid())
                    .run(probe -> send(cell, requests, probe));
        } else if (target == Target.NGINX || target == Target.FLOOR) {
            Supplier<List<Long>> pids = target == Target.NGINX ? nginx::pidList : () -> List.of(floor.pid());
            try (RssWatch rss = new RssWatch(pids)) {
                CpuWatch cpu = CpuWatch.start(pids, emulator.pid());
                LoadResult result = send(cell, requests, () -> { });
                CpuUse use = cpu.stop();
                if (target == Target.FLOOR && !floor.healthy()) {
                    notes.add("payara-floor stopped answering during the cell");
                }
                record = new CellRecord(cell, target, result, Memory.rssOnly(rss.stopMiB()), List.of(), null, noted(notes, use), use);
            }
        } else {
            CpuWatch cpu = CpuWatch.start(List::of, emulator.pid());
            LoadResult result = send(cell, requests, () -> { });
            CpuUse use = cpu.stop();
            record = new CellRecord(cell, target, result, Memory.none(), List.of(), null, noted(notes, use), use);
        }
        emulator.reset();
        return record;
    }

    static List<String> noted(List<String> notes, CpuUse use) {
        if (!use.problem().isEmpty()) {
            notes.add("CPU: " + use.problem());
        }
        return notes;
    }

    /**
     * A profile pass, after the measured cells: the same cell for {@link #PROFILE_ISSUE}, its window
     * cut from the JFR recording that runs since the gateway's boot. A measured cell's own window
     * would hold its halfway probe (a forced full GC and a thread dump), so the profile comes from
     * this pass, which contributes only its profile and thread census to the report.
     */
    CellRecord profile(Cell cell, Target target) throws Exception {
        Supplier<HttpRequest> requests = requests(target, files.get(cell.fileBytes()), PROFILE_TIMEOUT);
        CellRecord record = new GatewayCell(gateway, options, cell, target, new ArrayList<>(), true, this::canary, emulator.pid())
                .run(probe -> load.run(requests, cell.fileBytes(), cell.concurrency(), cell.requests(), PROFILE_ISSUE,
                        PROFILE_TIMEOUT.plusSeconds(5), probe));
        emulator.reset();
        return record;
    }

    static final Duration PROFILE_ISSUE = Duration.ofSeconds(15);
    static final Duration PROFILE_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Unrecorded rounds of the smallest file until {@code rule} sees the JIT of the JVM the target
     * adds settle (see {@link WarmUpRule}), so that no measured cell pays for compilation.
     */
    WarmUpRecord warmUp(Target target, WarmUpRule rule) throws Exception {
        long smallest = files.keySet().stream().min(Long::compare).orElseThrow();
        if (target.gateway()) {
            gateway.rollout(target.rolloutPercent());
        }
        long jvm = switch (target) {
            case SYNC, ASYNC -> gateway.pid();
            case FLOOR -> floor.pid();
            case DIRECT, NGINX -> emulator.pid();
        };
        String name = switch (target) {
            case SYNC, ASYNC -> "gateway";
            case FLOOR -> "payara-floor";
            case DIRECT, NGINX -> "emulator";
        };
        List<Double> compileMs = new ArrayList<>();
        int uploads = 0;
        int failed = 0;
        JitWatch jit = new JitWatch(jvm);
        try (Probes probes = Probes.of(target, gateway)) {
            while (!rule.done(compileMs)) {
                LoadResult round = load.run(requests(target, files.get(smallest), clientTimeout()), smallest, rule.concurrency(),
                        rule.roundUploads(), Duration.ofSeconds(60), Duration.ofSeconds(30), () -> { });
                uploads += round.sent();
                failed += round.sent() - round.ok();
                probes.exercise();
                compileMs.add(jit.lap());
            }
        }
        emulator.reset();
        return new WarmUpRecord(target, name, compileMs, uploads, failed, rule.settled(compileMs));
    }

    /**
     * The gateway cells' JMX calls (thread dump, forced collection over RMI), made once per warm-up
     * round: the JIT compiles the management code they run in the warm-up rather than in the first
     * measured cells (a first attach made 5.7 s of compiling in the cell after a warm-up, measured).
     */
    private record Probes(JmxProbe jmx) implements AutoCloseable {

        static Probes of(Target target, Gateway gateway) throws IOException {
            return new Probes(target.gateway() ? JmxProbe.attach(gateway.pid()) : null);
        }

        void exercise() {
            if (jmx != null) {
                ThreadCensus.of(jmx.threads());
                jmx.liveHeapBytes();
            }
        }

        @Override
        public void close() {
            if (jmx != null) {
                jmx.close();
            }
        }
    }

    private Outcome canary() {
        try {
            return load.once(UploadForms.gateway(gateway.base(), canaryFile, Duration.ofSeconds(30)).get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(e, 0);
        }
    }

    private LoadResult send(Cell cell, Supplier<HttpRequest> requests, Runnable atHalfway) throws InterruptedException {
        return load.run(requests, cell.fileBytes(), cell.concurrency(), cell.requests(), issueLimit,
                clientTimeout().plusSeconds(15), atHalfway);
    }

    private Duration clientTimeout() {
        return Duration.ofSeconds(options.clientTimeoutSeconds());
    }

    /** The floor is sent the gateway's own request: same form, same path. */
    private Supplier<HttpRequest> requests(Target target, Path file, Duration timeout) {
        return switch (target) {
            case DIRECT -> UploadForms.provider(emulator.base(), Emulator.KIMI_KEY, file, timeout);
            case NGINX -> UploadForms.provider(nginx.base(), Emulator.KIMI_KEY, file, timeout);
            case SYNC, ASYNC -> UploadForms.gateway(gateway.base(), file, timeout);
            case FLOOR -> UploadForms.gateway(floor.base(), file, timeout);
        };
    }
}
