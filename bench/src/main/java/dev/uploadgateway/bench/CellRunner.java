package dev.uploadgateway.bench;

import dev.uploadgateway.bench.load.LoadGenerator;
import dev.uploadgateway.bench.load.LoadResult;
import dev.uploadgateway.bench.load.Outcome;
import dev.uploadgateway.bench.load.UploadForms;
import dev.uploadgateway.bench.measure.Memory;
import dev.uploadgateway.bench.measure.RssWatch;
import dev.uploadgateway.bench.plan.Cell;
import dev.uploadgateway.bench.plan.Target;
import dev.uploadgateway.bench.process.Emulator;
import dev.uploadgateway.bench.process.Gateway;
import dev.uploadgateway.bench.process.Nginx;
import dev.uploadgateway.bench.report.CellRecord;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs one target through one cell and measures it: the load for every target, resident memory of
 * nginx, and for the gateway everything {@link GatewayCell} adds. The emulator forgets its records
 * after each cell so its own memory stays flat.
 */
final class CellRunner {

    private final LoadGenerator load = new LoadGenerator();
    private final BenchOptions options;
    private final Emulator emulator;
    private final Gateway gateway;
    private final Nginx nginx;
    private final Map<Long, Path> files;
    private final Path canaryFile;
    private final Duration issueLimit;

    CellRunner(BenchOptions options, Emulator emulator, Gateway gateway, Nginx nginx, Map<Long, Path> files, Path canaryFile,
               Duration issueLimit) {
        this.canaryFile = canaryFile;
        this.options = options;
        this.emulator = emulator;
        this.gateway = gateway;
        this.nginx = nginx;
        this.files = files;
        this.issueLimit = issueLimit;
    }

    CellRecord run(Cell cell, Target target) throws Exception {
        List<String> notes = new ArrayList<>();
        Supplier<HttpRequest> requests = requests(target, files.get(cell.fileBytes()), clientTimeout());
        CellRecord record;
        if (target.gateway()) {
            record = new GatewayCell(gateway, options, cell, target, notes, false, this::canary).run(probe -> send(cell, requests, probe));
        } else if (target == Target.NGINX) {
            try (RssWatch rss = new RssWatch(nginx::pidList)) {
                LoadResult result = send(cell, requests, () -> { });
                record = new CellRecord(cell, target, result, Memory.rssOnly(rss.stopMiB()), List.of(), null, notes);
            }
        } else {
            record = new CellRecord(cell, target, send(cell, requests, () -> { }), Memory.none(), List.of(), null, notes);
        }
        emulator.reset();
        return record;
    }

    /**
     * A profile pass, after the measured cells: the same cell for {@link #PROFILE_ISSUE}, its window
     * cut from the JFR recording that runs since the gateway's boot. A measured cell's own window
     * would hold its halfway probe (a forced full GC and a thread dump), so the profile comes from
     * this pass, which contributes only its profile and thread census to the report.
     */
    CellRecord profile(Cell cell, Target target) throws Exception {
        Supplier<HttpRequest> requests = requests(target, files.get(cell.fileBytes()), PROFILE_TIMEOUT);
        CellRecord record = new GatewayCell(gateway, options, cell, target, new ArrayList<>(), true, this::canary)
                .run(probe -> load.run(requests, cell.fileBytes(), cell.concurrency(), cell.requests(), PROFILE_ISSUE,
                        PROFILE_TIMEOUT.plusSeconds(5), probe));
        emulator.reset();
        return record;
    }

    static final Duration PROFILE_ISSUE = Duration.ofSeconds(15);
    static final Duration PROFILE_TIMEOUT = Duration.ofSeconds(60);

    /** A short unrecorded run so the JIT has seen the path before the first measured cell. */
    void warmUp(Target target) throws Exception {
        long smallest = files.keySet().stream().min(Long::compare).orElseThrow();
        if (target.gateway()) {
            gateway.rollout(target.rolloutPercent());
        }
        load.run(requests(target, files.get(smallest), clientTimeout()), smallest, 4, 40, Duration.ofSeconds(20), Duration.ofSeconds(30), () -> { });
        emulator.reset();
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

    private Supplier<HttpRequest> requests(Target target, Path file, Duration timeout) {
        return switch (target) {
            case DIRECT -> UploadForms.provider(emulator.base(), Emulator.KIMI_KEY, file, timeout);
            case NGINX -> UploadForms.provider(nginx.base(), Emulator.KIMI_KEY, file, timeout);
            case SYNC, ASYNC -> UploadForms.gateway(gateway.base(), file, timeout);
        };
    }
}
