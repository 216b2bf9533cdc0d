package dev.uploadgateway.bench.measure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The classes holding most of a JVM's live heap ({@code jcmd <pid> GC.class_histogram}, which runs a
 * full collection first): what a heap that keeps growing between cells is made of.
 */
public final class HeapHistogram {

    private HeapHistogram() {
    }

    /** e.g. {@code 41 MiB byte[] (120,034), 12 MiB dev.uploadgateway...Outcome (90,112), …}. */
    public static String top(long pid, int rows) throws IOException, InterruptedException {
        return summarize(Jcmd.run(pid, "GC.class_histogram"), rows);
    }

    static String summarize(String histogram, int rows) {
        List<String> top = new ArrayList<>();
        for (String line : histogram.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":") && top.size() < rows) {
                long bytes = Long.parseLong(f[2]);
                top.add(String.format(java.util.Locale.ROOT, "%.1f MiB %s (%,d)", bytes / 1048576.0, f[3], Long.parseLong(f[1])));
            }
        }
        return String.join(", ", top);
    }
}
