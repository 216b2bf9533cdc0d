package dev.uploadgateway.rollout.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void garbageAllocatedSinceTheLastCollectionIsNotHeap() {
        System.gc();
        long before = Heap.used();
        long sink = 0;
        for (int i = 0; i < 48 * 16; i++) {
            byte[] garbage = new byte[(int) MIB / 16];
            garbage[i % garbage.length] = 1;
            sink += garbage.length;
        }
        long after = Heap.used();
        assertTrue(sink == 48 * MIB);
        assertTrue(after - before < 8 * MIB, "48 MiB of garbage read as " + (after - before) / MIB + " MiB of growth");
    }

    @Test
    void objectsThatSurviveACollectionAreHeap() {
        System.gc();
        long before = Heap.used();
        List<byte[]> kept = new ArrayList<>();
        for (int i = 0; i < 64 * 16; i++) {
            kept.add(new byte[(int) MIB / 16]);
        }
        System.gc();
        long after = Heap.used();
        assertTrue(after - before >= 60 * MIB, "64 MiB kept read as " + (after - before) / MIB + " MiB of growth");
        assertTrue(kept.size() == 64 * 16);
    }
}
