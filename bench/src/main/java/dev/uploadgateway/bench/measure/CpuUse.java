package dev.uploadgateway.bench.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * The CPU time, in ms, that one target's own processes (the gateway JVM, the floor's JVM, nginx's
 * master and workers; none for direct) and the provider emulator used over one cell's load: user
 * plus system time from {@code /proc/<pid>/stat}, children excluded. {@code excludedMs} is what the
 * harness's own halfway probe made the gateway spend (a forced full collection and a thread dump),
 * already taken out of {@code processMs}, as no other target has such a probe; {@code jitMs} is the
 * part of {@code processMs} the target JVM's JIT compiler threads used (0 once the warm-up has
 * done its work). NaN where not measured; {@code problem} says why, when a figure is missing.
 */
public record CpuUse(double processMs, double excludedMs, double jitMs, double emulatorMs, int processes, String problem) {

    public static CpuUse none() {
        return new CpuUse(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, "");
    }

    /**
     * The figures of one cell from what two samples at its ends gave: the target's processes'
     * ticks less the probe's ({@code excludedTicks}), their JIT threads' and the emulator's. A
     * target process that ended in between (a restarted gateway) makes its figure unknown.
     */
    public static CpuUse of(CpuSample.Delta target, long excludedTicks, CpuSample.Delta jit, CpuSample.Delta emulator,
                            int processes, List<String> problems, long ticksPerSecond) {
        List<String> why = new ArrayList<>(problems);
        if (target.ended() > 0) {
            why.add("a target process ended during the cell (restarted?): its CPU time is unknown");
        }
        double excluded = millis(excludedTicks, ticksPerSecond);
        double process = why.isEmpty() ? millis(target.ticks(), ticksPerSecond) - excluded : Double.NaN;
        return new CpuUse(process, excluded, millis(jit.ticks(), ticksPerSecond),
                emulator.ended() > 0 ? Double.NaN : millis(emulator.ticks(), ticksPerSecond), processes, String.join("; ", why));
    }

    /** The time from clock ticks: {@code ticks × 1000 / ticksPerSecond}; -1 ticks (unknown) gives NaN. */
    public static double millis(long ticks, long ticksPerSecond) {
        return ticks < 0 ? Double.NaN : ticks * 1000.0 / ticksPerSecond;
    }

    /** The target's processes' CPU per successful upload, ms; NaN without uploads or processes. */
    public double perUploadMs(int uploads) {
        return uploads > 0 && processes > 0 ? processMs / uploads : Double.NaN;
    }

    /** The target's processes' CPU per MiB of successfully uploaded file, ms. */
    public double perMiBMs(int uploads, long fileBytes) {
        return perUploadMs(uploads) / ((double) fileBytes / (1024 * 1024));
    }

    /** The emulator's CPU per successful upload, ms. */
    public double emulatorPerUploadMs(int uploads) {
        return uploads > 0 ? emulatorMs / uploads : Double.NaN;
    }
}
