package dev.uploadgateway.bench.measure;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a JFR recording of the gateway says, in the few tables a reader needs: where the CPU goes
 * (top frame, first gateway frame, and by thread pool), where threads wait (monitors and parks by
 * site), fsyncs, collections and the CPU load of the JVM and the machine. Only events that
 * overlap the window asked for count: a dump of a running recording holds whole chunks, which
 * reach back before the window.
 */
public record JfrSummary(int samples, List<Tally.Row> topFrames, List<Tally.Row> gatewayFrames,
                         List<Tally.Row> byPool, List<Tally.Row> monitors, List<Tally.Row> parks,
                         long fsyncs, double fsyncMs, double fsyncMaxMs, int gcs, double gcPauseMs,
                         double jvmCpu, double machineCpu) {

    private static final int TOP = 12;

    public static JfrSummary read(Path recording) throws IOException {
        return read(recording, Instant.MIN, Instant.MAX);
    }

    public static JfrSummary read(Path recording, Instant from, Instant to) throws IOException {
        Tally top = new Tally();
        Tally gateway = new Tally();
        Tally pools = new Tally();
        Tally monitors = new Tally();
        Tally parks = new Tally();
        Map<String, double[]> sums = new HashMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (e.getEndTime().isBefore(from) || e.getStartTime().isAfter(to)) {
                    continue;
                }
                String type = e.getEventType().getName();
                switch (type) {
                    case "jdk.ExecutionSample" -> {
                        samples++;
                        List<RecordedFrame> frames = frames(e.getStackTrace());
                        top.add(frames.isEmpty() ? "(none)" : name(frames.get(0)), 1);
                        gateway.add(firstGatewayFrame(frames), 1);
                        RecordedThread thread = e.getThread("sampledThread");
                        pools.add(thread == null ? "(unknown)" : ThreadCensus.pool(String.valueOf(thread.getJavaName())), 1);
                    }
                    case "jdk.JavaMonitorEnter" -> monitors.add(className(e) + " at " + site(frames(e.getStackTrace())),
                            millis(e));
                    case "jdk.ThreadPark" -> parks.add(site(frames(e.getStackTrace())), millis(e));
                    case "jdk.FileForce" -> add(sums, "fsync", millis(e));
                    case "jdk.GarbageCollection" -> add(sums, "gc", e.getDuration("sumOfPauses").toNanos() / 1e6);
                    case "jdk.CPULoad" -> {
                        add(sums, "jvm", e.getFloat("jvmUser") + e.getFloat("jvmSystem"));
                        add(sums, "machine", e.getFloat("machineTotal"));
                    }
                    default -> {
                    }
                }
            }
        }
        double[] fsync = sums.getOrDefault("fsync", new double[3]);
        double[] gc = sums.getOrDefault("gc", new double[3]);
        double[] jvm = sums.getOrDefault("jvm", new double[3]);
        double[] machine = sums.getOrDefault("machine", new double[3]);
        return new JfrSummary(samples, top.top(TOP), gateway.top(TOP), pools.top(TOP), monitors.top(8), parks.top(10),
                (long) fsync[0], fsync[1], fsync[2], (int) gc[0], gc[1],
                jvm[0] == 0 ? Double.NaN : jvm[1] / jvm[0], machine[0] == 0 ? Double.NaN : machine[1] / machine[0]);
    }

    /** Per key: count, sum, max. */
    private static void add(Map<String, double[]> sums, String key, double value) {
        double[] s = sums.computeIfAbsent(key, k -> new double[3]);
        s[0]++;
        s[1] += value;
        s[2] = Math.max(s[2], value);
    }

    private static List<RecordedFrame> frames(RecordedStackTrace stack) {
        return stack == null ? List.of() : stack.getFrames();
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    private static String firstGatewayFrame(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            if (f.getMethod().getType().getName().startsWith("dev.uploadgateway.")) {
                return name(f);
            }
        }
        return "(no gateway frame: server, HTTP client or JDK code)";
    }

    /** The first frame that is not the waiting machinery itself, and the first gateway frame under it. */
    private static String site(List<RecordedFrame> frames) {
        String first = null;
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (first == null && !type.startsWith("jdk.internal.") && !type.startsWith("java.util.concurrent.locks.")
                    && !type.equals("java.lang.Object") && !type.equals("java.lang.Thread")) {
                first = name(f);
            }
            if (first != null && type.startsWith("dev.uploadgateway.")) {
                return first + " ← " + name(f);
            }
        }
        return first == null ? "(unknown)" : first;
    }

    private static String className(RecordedEvent e) {
        var monitor = e.getClass("monitorClass");
        return monitor == null ? "?" : monitor.getName().substring(monitor.getName().lastIndexOf('.') + 1);
    }

    private static double millis(RecordedEvent e) {
        return e.getDuration().toNanos() / 1e6;
    }

    /** Counts or milliseconds per key, largest first. */
    public static final class Tally {
        /** One line of a table: key, total (samples or ms), events. */
        public record Row(String key, double total, long events) {
        }

        private final Map<String, double[]> totals = new HashMap<>();

        void add(String key, double amount) {
            double[] t = totals.computeIfAbsent(key, k -> new double[2]);
            t[0] += amount;
            t[1]++;
        }

        List<Row> top(int n) {
            return totals.entrySet().stream()
                    .map(en -> new Row(en.getKey(), en.getValue()[0], (long) en.getValue()[1]))
                    .sorted((a, b) -> Double.compare(b.total(), a.total())).limit(n).toList();
        }
    }
}
