package dev.uploadgateway.rollout.control;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Heap in use as the rollout judges it: what each heap pool held after its last collection, so
 * garbage allocated since (which in a busy 512 MiB heap swings between 100 and 500 MiB) never reads
 * as growth. An empty pool after a collection (G1's eden always is) counts as empty, not as its
 * current fill. Before the JVM's first collection no pool has such a figure; then the current use
 * is returned, which overstates the baseline and so can only make a spike look smaller.
 */
final class Heap {

    private Heap() {
    }

    static long used() {
        long live = 0;
        long current = 0;
        boolean collected = false;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                long now = pool.getUsage().getUsed();
                current += now;
                MemoryUsage afterGc = pool.getCollectionUsage();
                if (afterGc == null) {
                    live += now;
                } else {
                    live += afterGc.getUsed();
                    collected |= afterGc.getUsed() > 0;
                }
            }
        }
        return collected ? live : current;
    }
}
