package dev.uploadgateway.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CPU time a set of processes (or of one JVM's JIT compiler threads) had used at one moment,
 * by pid or thread id. Two samples give what was used in between ({@link #since}): one in the later
 * sample that the earlier lacks was born in between and counts whole; one of the earlier sample
 * that is gone (or whose id now names one started later) took its time since the earlier sample
 * along, and is counted as ended.
 */
public record CpuSample(Map<Long, ProcStat> entries) {

    /** What was used between two samples, clock ticks, and how many of the earlier sample's entries had ended. */
    public record Delta(long ticks, int ended) {
    }

    public CpuSample {
        entries = Map.copyOf(entries);
    }

    /** Reads {@code /proc/<pid>/stat} of each pid; a process that has already ended is left out. */
    public static CpuSample of(List<Long> pids) {
        Map<Long, ProcStat> read = new LinkedHashMap<>();
        for (long pid : pids) {
            stat(Path.of("/proc", Long.toString(pid), "stat")).ifPresent(stat -> read.put(pid, stat));
        }
        return new CpuSample(read);
    }

    /**
     * The JIT compiler threads of JVM {@code pid} ({@code /proc/<pid>/task/<tid>/stat} whose name
     * is HotSpot's {@code C1 CompilerThreadN} or {@code C2 CompilerThreadN}, cut to 15 characters
     * by the kernel). Compiler threads come and go with the JIT's queue, so a thread that ended
     * between two samples is no error, only its last ticks are missed.
     */
    public static CpuSample compilerThreads(long pid) {
        Map<Long, ProcStat> read = new LinkedHashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                stat(task.resolve("stat")).filter(s -> compiler(s.comm())).ifPresent(stat -> read.put(stat.pid(), stat));
            }
        } catch (IOException e) {
            return new CpuSample(Map.of());
        }
        return new CpuSample(read);
    }

    static boolean compiler(String comm) {
        return comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre");
    }

    /** Empty once the process or thread has ended: {@link #since} counts it as ended. */
    private static Optional<ProcStat> stat(Path file) {
        try {
            return Optional.of(ProcStat.parse(Files.readString(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Clock ticks used from {@code before} to this sample, and how many of {@code before}'s entries ended meanwhile. */
    public Delta since(CpuSample before) {
        long ticks = 0;
        int ended = 0;
        for (ProcStat then : before.entries.values()) {
            ProcStat now = entries.get(then.pid());
            if (now == null || now.startTicks() != then.startTicks()) {
                ended++;
            } else {
                ticks += now.cpuTicks() - then.cpuTicks();
            }
        }
        for (ProcStat now : entries.values()) {
            ProcStat then = before.entries.get(now.pid());
            if (then == null || then.startTicks() != now.startTicks()) {
                ticks += now.cpuTicks();
            }
        }
        return new Delta(ticks, ended);
    }
}
