package dev.uploadgateway.bench.measure;

/** One stop-the-world pause from a unified GC log line, heap figures in bytes. */
public record GcEvent(long epochMillis, String kind, long beforeBytes, long afterBytes, long capacityBytes, double pauseMs) {

    public boolean forced() {
        return kind.contains("System.gc()");
    }

    public boolean full() {
        return kind.startsWith("Pause Full");
    }
}
