package dev.uploadgateway.bench.measure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The CPU a target's processes and the emulator use from {@link #start} to {@link #stop}: one
 * {@link CpuSample} at each end, and one of the JIT compiler threads of the target's JVM (none for
 * nginx) to show what compiling still cost. The target's processes are asked for at both ends, so
 * nginx workers born in between are counted. {@link #exclude} takes a harness action's share (the
 * gateway's halfway probe) out of the target's figure.
 */
public final class CpuWatch {

    static final long TICKS_PER_SECOND = ticksPerSecond();

    private final Supplier<List<Long>> target;
    private final long emulator;
    private final CpuSample targetBefore;
    private final CpuSample jitBefore;
    private final CpuSample emulatorBefore;
    private final AtomicLong excludedTicks = new AtomicLong();
    private final List<String> problems = new ArrayList<>();

    private CpuWatch(Supplier<List<Long>> target, long emulator) {
        this.target = target;
        this.emulator = emulator;
        List<Long> pids = target.get();
        this.targetBefore = CpuSample.of(pids);
        this.jitBefore = jit(pids);
        this.emulatorBefore = CpuSample.of(List.of(emulator));
    }

    /** @param target the target's own processes (empty for direct); {@code emulator} the emulator's pid */
    public static CpuWatch start(Supplier<List<Long>> target, long emulator) {
        return new CpuWatch(target, emulator);
    }

    /** Runs {@code action} and leaves what the target's processes used meanwhile out of the figure. */
    public void exclude(Runnable action) {
        CpuSample before = CpuSample.of(target.get());
        action.run();
        CpuSample.Delta used = CpuSample.of(target.get()).since(before);
        if (used.ended() > 0) {
            synchronized (problems) {
                problems.add("a target process ended during the halfway probe");
            }
        } else {
            excludedTicks.addAndGet(used.ticks());
        }
    }

    public CpuUse stop() {
        List<Long> pids = target.get();
        CpuSample.Delta used = CpuSample.of(pids).since(targetBefore);
        CpuSample.Delta jit = jit(pids).since(jitBefore);
        CpuSample.Delta emulatorUsed = CpuSample.of(List.of(emulator)).since(emulatorBefore);
        List<String> why;
        synchronized (problems) {
            why = List.copyOf(problems);
        }
        return CpuUse.of(used, excludedTicks.get(), jit, emulatorUsed, pids.size(), why, TICKS_PER_SECOND);
    }

    private static CpuSample jit(List<Long> pids) {
        return pids.size() == 1 ? CpuSample.compilerThreads(pids.get(0)) : new CpuSample(java.util.Map.of());
    }

    /** {@code getconf CLK_TCK}; 100, the kernel's USER_HZ on every Linux architecture in use, if it cannot be run. */
    static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
