package dev.uploadgateway.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Peak resident memory of a set of processes over one cell. A single process's high-water mark
 * ({@code VmHWM}) is reset at the start by writing 5 to {@code /proc/<pid>/clear_refs}; a 100 ms
 * poll of {@code VmRSS} (summed over the set) covers processes where that is not allowed and
 * multi-process servers such as nginx.
 */
public final class RssWatch implements AutoCloseable {

    private final Supplier<List<Long>> pids;
    private final boolean hwmReset;
    private final Thread poller;
    private volatile long polledPeakKb;
    private volatile boolean running = true;

    public RssWatch(Supplier<List<Long>> pids) {
        this.pids = pids;
        List<Long> now = pids.get();
        this.hwmReset = now.size() == 1 && resetHighWaterMark(now.get(0));
        this.poller = new Thread(this::poll, "rss-watch");
        poller.setDaemon(true);
        poller.start();
    }

    /** Stops polling and returns the peak in MiB (NaN if the processes could not be read). */
    public double stopMiB() {
        running = false;
        poller.interrupt();
        long peak = polledPeakKb;
        if (hwmReset) {
            peak = Math.max(peak, status(pids.get().get(0), "VmHWM:"));
        }
        return peak > 0 ? peak / 1024.0 : Double.NaN;
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }

    private void poll() {
        while (running) {
            long sum = 0;
            for (long pid : pids.get()) {
                sum += Math.max(0, status(pid, "VmRSS:"));
            }
            polledPeakKb = Math.max(polledPeakKb, sum);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean resetHighWaterMark(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** A {@code kB} field of /proc/<pid>/status, or -1. */
    static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
