package dev.uploadgateway.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryTest {

    @Test
    void heapPerUploadIsTheLiveIncreaseSharedByTheUploadsInFlight() {
        Memory m = new Memory(60, 60, 110, 100, 300, 500, 700, 10, 50, 0);
        assertEquals(512, m.heapPerInFlightKiB(), 1e-9);
        assertEquals(50, m.heapLiveAboveIdle(), 1e-9);
    }

    @Test
    void whatACellLeftBehindIsSplitBetweenIdleAndInFlight() {
        Memory m = new Memory(60, 100, 130, 100, 300, 500, 700, 10, 50, 0);
        assertEquals(80, m.heapIdle(), 1e-9);
        assertEquals(50 * 1024 / 100.0, m.heapPerInFlightKiB(), 1e-9);
        assertEquals(40, m.heapRetained(), 1e-9);
    }

    @Test
    void withoutAProbeThereIsNoPerUploadFigure() {
        assertTrue(Double.isNaN(Memory.rssOnly(20).heapPerInFlightKiB()));
        assertTrue(Double.isNaN(new Memory(60, 60, Double.NaN, -1, 300, 500, 700, 10, 50, 0).heapPerInFlightKiB()));
    }

    @Test
    void aHeapThatShrankBelowItsIdleCostsNothing() {
        assertEquals(0, new Memory(80, 80, 70, 10, 90, 100, 500, 1, 1, 0).heapPerInFlightKiB(), 1e-9);
    }

    @Test
    void withoutAQuietHeapAfterTheCellTheOneBeforeIsIdle() {
        assertEquals(60, new Memory(60, Double.NaN, 70, 10, 90, 100, 500, 1, 1, 0).heapIdle(), 1e-9);
    }
}
