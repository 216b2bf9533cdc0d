package dev.uploadgateway.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GcLogTest {

    private static final List<String> LOG = List.of(
            "[1000ms] Using G1",
            "[1100ms] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 20M->7M(380M) 6.564ms",
            "[1200ms] GC(1) Concurrent Mark Cycle",
            "[1300ms] GC(1) Pause Remark 27M->27M(97M) 12.521ms",
            "[1400ms] GC(2) Pause Full (System.gc()) 300M->60M(512M) 120.000ms",
            "[1500ms] GC(3) Pause Young (Concurrent Start) (G1 Humongous Allocation) 1G->400M(512M) 30.5ms",
            "[1600ms] GC(4) Pause Full (G1 Compaction Pause) 511M->500M(512M) 900.0ms",
            "[1700ms] GC(5) Pause Young (Normal) (G1 Evacuation Pause) 512K->256K(512M) 1.0ms");

    @Test
    void readsEveryPauseWithItsUnits() {
        List<GcEvent> events = GcLog.parse(LOG);
        assertEquals(6, events.size());
        assertEquals(1024L << 20, events.get(3).beforeBytes());
        assertEquals(256L << 10, events.get(5).afterBytes());
        assertTrue(events.get(2).forced());
        assertTrue(events.get(4).full());
    }

    @Test
    void windowTakesPeaksAndLeavesTheProbesForcedCollectionOutOfThePauseCount() {
        HeapWindow w = GcLog.window(GcLog.parse(LOG), 1300, 1500);
        assertEquals(1024L << 20, w.peakUsedBytes());
        assertEquals(400L << 20, w.peakAfterGcBytes());
        assertEquals(2, w.pauses());
        assertEquals(43.021, w.pauseMs(), 1e-9);
        assertEquals(0, w.fullGcs());
    }

    @Test
    void countsFullCollectionsTheGcChose() {
        assertEquals(1, GcLog.window(GcLog.parse(LOG), 0, 2000).fullGcs());
    }

    @Test
    void anEmptyWindowHasNoPeaks() {
        assertEquals(0, GcLog.window(GcLog.parse(LOG), 5000, 6000).peakAfterGcBytes());
    }
}
