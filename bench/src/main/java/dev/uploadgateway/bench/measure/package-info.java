/**
 * What the targets cost while they work: the CPU time of each target's own processes and of the
 * emulator over a cell, from {@code /proc/<pid>/stat} (user + system ticks, children excluded, so
 * that a process's time is counted once), the CPU of a JVM's JIT compiler threads (from
 * {@code /proc/<pid>/task}) to tell when a warm-up has settled, and for the gateway: heap from its GC log (the occupancy before and after
 * every collection) and from a forced full collection at the cell's halfway point over a JMX
 * connection made with the Attach API (the live set while uploads are in flight, no port opened),
 * resident memory from {@code /proc/<pid>/status} (the high-water mark, reset per cell through
 * {@code clear_refs}, and a 100 ms poll), a census of its threads by pool, and a JFR profile of
 * chosen cells summarised into hot methods, lock and park sites, fsyncs and CPU load.
 */
package dev.uploadgateway.bench.measure;
