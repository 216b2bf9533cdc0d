package dev.uploadgateway.bench.measure;

/**
 * A process's memory over one cell, in MiB; NaN where not measured (the emulator and nginx have no
 * Java heap the report needs). {@code heapBefore} and {@code heapAfter} are the live heap of the
 * quiet gateway just before and just after the cell, {@code heapLiveAtProbe} the live set with
 * {@code inFlightAtProbe} uploads in flight, {@code heapPeak} the highest occupancy after any
 * collection (the probe's included).
 */
public record Memory(double heapBefore, double heapAfter, double heapLiveAtProbe, int inFlightAtProbe, double heapPeak,
                     double heapPeakUsed, double rssPeak, int gcPauses, double gcPauseMs, int fullGcs) {

    public static Memory rssOnly(double rssPeakMiB) {
        return new Memory(Double.NaN, Double.NaN, Double.NaN, -1, Double.NaN, Double.NaN, rssPeakMiB, 0, 0, 0);
    }

    public static Memory none() {
        return rssOnly(Double.NaN);
    }

    /**
     * The quiet gateway's live heap around the cell: the mean of before and after, so that what
     * the cell's uploads left behind for good (it shows as after − before) is split evenly rather
     * than counted as in-flight cost. Before alone when there is no after.
     */
    public double heapIdle() {
        return Double.isNaN(heapAfter) ? heapBefore : (heapBefore + heapAfter) / 2;
    }

    /** Heap per in-flight upload at the probe, KiB: (live at probe − idle) / in flight. */
    public double heapPerInFlightKiB() {
        if (inFlightAtProbe <= 0 || Double.isNaN(heapLiveAtProbe) || Double.isNaN(heapIdle())) {
            return Double.NaN;
        }
        return heapLiveAboveIdle() * 1024 / inFlightAtProbe;
    }

    /** Live heap at the probe above the idle heap: what the uploads in flight cost. */
    public double heapLiveAboveIdle() {
        return Math.max(0, heapLiveAtProbe - heapIdle());
    }

    /** Live heap the cell left behind once every upload had ended: after − before. */
    public double heapRetained() {
        return heapAfter - heapBefore;
    }
}
