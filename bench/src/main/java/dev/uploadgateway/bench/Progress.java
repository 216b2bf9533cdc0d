package dev.uploadgateway.bench;

import dev.uploadgateway.bench.load.LoadResult;
import dev.uploadgateway.bench.measure.Memory;
import dev.uploadgateway.bench.report.CellRecord;
import dev.uploadgateway.bench.report.WarmUpRecord;
import java.util.Locale;

/** The one line per target and cell printed while a run goes on. */
final class Progress {

    private Progress() {
    }

    static String line(int done, int total, CellRecord r) {
        LoadResult l = r.load();
        Memory m = r.memory();
        String memory = r.target().gateway()
                ? String.format(Locale.ROOT, " | heap quiet %.0f→%.0f live %.0f (%d in flight) peak %.0f MiB, RSS %.0f MiB",
                m.heapBefore(), m.heapAfter(), m.heapLiveAtProbe(), m.inFlightAtProbe(), m.heapPeak(), m.rssPeak())
                : Double.isNaN(m.rssPeak()) ? "" : String.format(Locale.ROOT, " | RSS %.0f MiB", m.rssPeak());
        double cpu = r.cpu().perUploadMs(l.ok());
        String cpuText = Double.isNaN(cpu) ? String.format(Locale.ROOT, " | emulator CPU %.2f ms/upload", r.cpu().emulatorPerUploadMs(l.ok()))
                : String.format(Locale.ROOT, " | CPU %.2f ms/upload (JIT %.0f ms)", cpu, r.cpu().jitMs());
        return String.format(Locale.ROOT, "[%2d/%d] %-11s %-13s %7.1f up/s %7.1f MiB/s p50 %6.0f p99 %6.0f ms | ok %d/%d err %d to %d oom %d%s%s",
                done, total, r.cell().id(), r.target().label(), l.uploadsPerSecond(), l.mibPerSecond(), l.p50(), l.p99(),
                l.ok(), l.sent(), l.errors(), l.timeouts(), l.ooms(), cpuText, memory);
    }

    static String warmUp(WarmUpRecord w) {
        return String.format(Locale.ROOT, "bench: warm-up %-13s %d uploads (%d failed) in %d rounds, %s JIT CPU ms per round: %s%s",
                w.target().label(), w.uploads(), w.failed(), w.rounds(), w.jvm(),
                String.join(", ", w.compileMsPerRound().stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList()),
                w.settled() ? " (settled)" : " (not settled: stopped at the bound)");
    }
}
