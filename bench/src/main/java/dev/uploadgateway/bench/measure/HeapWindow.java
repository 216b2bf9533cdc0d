package dev.uploadgateway.bench.measure;

import java.util.List;

/**
 * The GC figures of one cell: the highest occupancy before a pause (heap used, garbage included),
 * the highest after a pause (what the collector could not free: live data and young garbage that
 * was still referenced), and the pauses themselves. Forced collections of the probe are counted
 * apart, as they are the harness's own.
 */
public record HeapWindow(long peakUsedBytes, long peakAfterGcBytes, int pauses, double pauseMs, int fullGcs) {

    static HeapWindow of(List<GcEvent> events) {
        long used = 0;
        long after = 0;
        int pauses = 0;
        double ms = 0;
        int full = 0;
        for (GcEvent e : events) {
            used = Math.max(used, e.beforeBytes());
            after = Math.max(after, e.afterBytes());
            if (!e.forced()) {
                pauses++;
                ms += e.pauseMs();
                full += e.full() ? 1 : 0;
            }
        }
        return new HeapWindow(used, after, pauses, ms, full);
    }
}
