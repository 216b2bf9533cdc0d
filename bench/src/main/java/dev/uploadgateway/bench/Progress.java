package dev.uploadgateway.bench;

import dev.uploadgateway.bench.load.LoadResult;
import dev.uploadgateway.bench.measure.Memory;
import dev.uploadgateway.bench.report.CellRecord;
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
        return String.format(Locale.ROOT, "[%2d/%d] %-11s %-13s %7.1f up/s %7.1f MiB/s p50 %6.0f p99 %6.0f ms | ok %d/%d err %d to %d oom %d%s",
                done, total, r.cell().id(), r.target().label(), l.uploadsPerSecond(), l.mibPerSecond(), l.p50(), l.p99(),
                l.ok(), l.sent(), l.errors(), l.timeouts(), l.ooms(), memory);
    }
}
