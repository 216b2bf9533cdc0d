package dev.uploadgateway.bench.measure;

/**
 * The CPU one JVM's JIT compiler threads use from one {@link #lap} to the next: what a warm-up round
 * still cost in compiling. CPU time rather than JMX's {@code getTotalCompilationTime}, which is
 * the compilations' elapsed time and grows with every other tenant of the two cores (a round of 100
 * gateway uploads read 5–16 s of "compilation time" on a machine at load 12).
 */
public final class JitWatch {

    private final long pid;
    private CpuSample last;

    public JitWatch(long pid) {
        this.pid = pid;
        this.last = CpuSample.compilerThreads(pid);
    }

    /** Compiler-thread CPU ms since the previous lap (or the start); NaN when the JVM shows no compiler thread. */
    public double lap() {
        CpuSample now = CpuSample.compilerThreads(pid);
        CpuSample.Delta used = now.since(last);
        last = now;
        return now.entries().isEmpty() ? Double.NaN : CpuUse.millis(used.ticks(), CpuWatch.TICKS_PER_SECOND);
    }
}
