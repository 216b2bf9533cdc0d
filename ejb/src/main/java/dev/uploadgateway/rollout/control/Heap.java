package dev.uploadgateway.rollout.control;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Heap in use as the rollout judges it: after the last collection of each heap pool where the JVM
 * reports it, because the live figure swings with every allocation and would make a heap-spike
 * trigger fire on garbage that is about to be collected.
 */
final class Heap {

    private Heap() {
    }

    static long used() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                MemoryUsage afterGc = pool.getCollectionUsage();
                used += afterGc != null && afterGc.getUsed() > 0 ? afterGc.getUsed() : pool.getUsage().getUsed();
            }
        }
        return used;
    }
}
