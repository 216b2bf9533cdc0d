package dev.uploadgateway.bench.load;

import java.util.Map;
import java.util.TreeMap;

/** Collects outcomes from many completion threads and sums them up into a {@link LoadResult}. */
final class Tally {

    private final long fileBytes;
    private final double[] okLatencyMs;
    private final Map<String, Integer> details = new TreeMap<>();
    private int sent;
    private int ok;
    private int errors;
    private int timeouts;
    private int ooms;
    private int completed;
    private long lastAnswerNanos;

    Tally(long fileBytes, int capacity) {
        this.fileBytes = fileBytes;
        this.okLatencyMs = new double[capacity];
    }

    synchronized void sent() {
        sent++;
    }

    synchronized int inFlight() {
        return sent - completed;
    }

    synchronized int completed() {
        return completed;
    }

    synchronized void add(Outcome outcome, long answeredNanos) {
        completed++;
        lastAnswerNanos = Math.max(lastAnswerNanos, answeredNanos);
        details.merge(outcome.kind() + " " + outcome.detail(), 1, Integer::sum);
        switch (outcome.kind()) {
            case OK -> okLatencyMs[ok++] = outcome.nanos() / 1e6;
            case ERROR -> errors++;
            case TIMEOUT -> timeouts++;
            case OOM -> ooms++;
        }
    }

    /** Requests sent but never answered before the harness gave up on them count as timeouts. */
    synchronized LoadResult result(long startNanos, int inFlightAtHalfway, boolean drained) {
        int abandoned = sent - completed;
        if (abandoned > 0) {
            details.merge("TIMEOUT abandoned by the harness", abandoned, Integer::sum);
        }
        double wall = ((drained ? lastAnswerNanos : System.nanoTime()) - startNanos) / 1e9;
        double[] latencies = java.util.Arrays.copyOf(okLatencyMs, ok);
        return new LoadResult(sent, ok, errors, timeouts + abandoned, ooms, Math.max(wall, 0), fileBytes,
                new Percentiles(latencies), details, inFlightAtHalfway, drained);
    }
}
