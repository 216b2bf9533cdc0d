package dev.uploadgateway.bench;

import dev.uploadgateway.bench.load.LoadResult;
import dev.uploadgateway.bench.load.Outcome;
import dev.uploadgateway.bench.measure.CpuUse;
import dev.uploadgateway.bench.measure.CpuWatch;
import dev.uploadgateway.bench.measure.GcLog;
import dev.uploadgateway.bench.measure.HeapWindow;
import dev.uploadgateway.bench.measure.JfrRecording;
import dev.uploadgateway.bench.measure.JfrSummary;
import dev.uploadgateway.bench.measure.JmxProbe;
import dev.uploadgateway.bench.measure.Memory;
import dev.uploadgateway.bench.measure.RssWatch;
import dev.uploadgateway.bench.measure.ThreadCensus;
import dev.uploadgateway.bench.plan.Cell;
import dev.uploadgateway.bench.plan.Target;
import dev.uploadgateway.bench.process.Gateway;
import dev.uploadgateway.bench.report.CellRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One gateway cell: make sure the gateway answers (boot a new one if not), switch its path, take
 * the live heap of the quiet gateway, on a profile pass cut the load's window out of the JFR
 * recording that runs since the gateway's boot, run the load with the halfway
 * probe (thread census, then live heap), read GC log, RSS and CPU for the cell's window (the probe's
 * own CPU left out), and take the quiet live heap again. A gateway that
 * stopped answering, or no longer delivers a small canary upload, is noted and booted again for
 * the next cell.
 */
final class GatewayCell {

    private static final double MIB = 1024.0 * 1024;
    /** The pools whose threads carry uploads; the gateway is quiet when none of them is busy. */
    private static final java.util.Set<String> WORKERS = java.util.Set.of("http-thread-pool::http-listener", "__ejb-thread-pool");
    private static final java.time.Duration QUIET_WAIT = java.time.Duration.ofSeconds(30);

    /** The load, given the probe to run at its halfway point. */
    @FunctionalInterface
    interface Load {
        LoadResult run(Runnable atHalfway) throws InterruptedException;
    }

    private final Gateway gateway;
    private final BenchOptions options;
    private final Cell cell;
    private final Target target;
    private final List<String> notes;
    private final boolean profile;
    private final Supplier<Outcome> canary;
    private final long emulatorPid;
    private final AtomicReference<List<ThreadCensus.Group>> census = new AtomicReference<>(List.of());
    private final AtomicReference<Double> liveAtProbe = new AtomicReference<>(Double.NaN);

    /** @param profile whether to summarise the JFR window: only on profile passes, whose figures are not reported */
    GatewayCell(Gateway gateway, BenchOptions options, Cell cell, Target target, List<String> notes, boolean profile,
                Supplier<Outcome> canary, long emulatorPid) {
        this.gateway = gateway;
        this.emulatorPid = emulatorPid;
        this.canary = canary;
        this.profile = profile;
        this.options = options;
        this.cell = cell;
        this.target = target;
        this.notes = notes;
    }

    CellRecord run(Load load) throws Exception {
        if (!gateway.healthy()) {
            gateway.restart("not answering before " + cell.id() + " " + target.label());
        }
        gateway.rollout(target.rolloutPercent());
        long spoolBefore = gateway.spoolFiles();
        try (JmxProbe jmx = JmxProbe.attach(gateway.pid())) {
            double before = jmx.quietLiveHeapBytes(WORKERS, QUIET_WAIT) / MIB;
            JfrRecording.Window jfr = profile ? JfrRecording.from(gateway.pid()) : null;
            Path gcLog = gateway.gcLog();
            long from = System.currentTimeMillis();
            LoadResult result;
            double rss;
            CpuUse cpu;
            try (RssWatch watch = new RssWatch(() -> List.of(gateway.pid()))) {
                CpuWatch cpuWatch = CpuWatch.start(() -> List.of(gateway.pid()), emulatorPid);
                result = load.run(() -> cpuWatch.exclude(() -> probe(jmx)));
                cpu = cpuWatch.stop();
                rss = watch.stopMiB();
            }
            long to = System.currentTimeMillis();
            JfrSummary profile = summary(jfr);
            HeapWindow heap = GcLog.window(GcLog.read(gcLog), from, to + 500);
            if (liveAtProbe.get().isNaN() && notes.stream().noneMatch(n -> n.startsWith("halfway probe"))) {
                notes.add("halfway probe: no figure, the JMX calls did not finish within 120 s (the gateway was busy collecting)");
            }
            double after = gateway.healthy() ? jmx.quietLiveHeapBytes(WORKERS, QUIET_WAIT) / MIB : Double.NaN;
            double peak = Math.max(heap.peakAfterGcBytes() / MIB, liveAtProbe.get().isNaN() ? 0 : liveAtProbe.get());
            Memory memory = new Memory(before, after, liveAtProbe.get(), liveAtProbe.get().isNaN() ? -1 : result.inFlightAtHalfway(),
                    peak, heap.peakUsedBytes() / MIB, rss, heap.pauses(), heap.pauseMs(), heap.fullGcs());
            afterwards(spoolBefore);
            return new CellRecord(cell, target, result, memory, census.get(), profile, CellRunner.noted(notes, cpu), cpu);
        }
    }

    private void probe(JmxProbe jmx) {
        try {
            census.set(ThreadCensus.of(jmx.threads()));
            liveAtProbe.set(jmx.liveHeapBytes() / MIB);
        } catch (RuntimeException e) {
            notes.add("halfway probe failed: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    private JfrSummary summary(JfrRecording.Window jfr) {
        if (jfr == null) {
            return null;
        }
        try {
            return jfr.summary(options.work().resolve("jfr-" + cell.id() + "-" + target.label() + ".jfr"));
        } catch (IOException | RuntimeException e) {
            notes.add("JFR profile lost: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Spool files this cell left behind, a path the gateway moved away from by itself, and a
     * gateway that no longer answers, are part of the result.
     */
    private void afterwards(long spoolBefore) throws IOException, InterruptedException {
        if (gateway.healthy() && !gateway.serves(target.rolloutPercent())) {
            notes.add("the gateway no longer served rollout " + target.rolloutPercent() + " % at the end of the cell"
                    + " (its rollout controller moved it); see the successful uploads by path");
        }
        long added = gateway.spoolFiles() - spoolBefore;
        for (int i = 0; i < 100 && added > 0; i++) {
            Thread.sleep(100);
            added = gateway.spoolFiles() - spoolBefore;
        }
        if (added > 0) {
            notes.add(added + " spool file(s) this cell left in the spool directory (still there 10 s after it)");
        }
        if (!gateway.healthy()) {
            notes.add("the gateway stopped answering during the cell; booted again for the next one");
            gateway.restart("stopped answering during " + cell.id() + " " + target.label());
            return;
        }
        // Answering is not delivering: a small upload must still go through, or the gateway is
        // broken for every cell after this one (e.g. an OutOfMemoryError that killed a shared client).
        Outcome check = canary.get();
        if (check.kind() != Outcome.Kind.OK) {
            notes.add("after the cell a 1 KiB canary upload failed (" + check.detail() + "); the gateway was booted again");
            gateway.restart("a canary upload failed after " + cell.id() + " " + target.label() + " (" + check.detail() + ")");
        }
    }
}
