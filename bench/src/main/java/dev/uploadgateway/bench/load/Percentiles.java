package dev.uploadgateway.bench.load;

import java.util.Arrays;

/** Nearest-rank percentiles over a sorted copy of the samples; no samples give NaN. */
public final class Percentiles {

    private final double[] sorted;

    public Percentiles(double[] samples) {
        sorted = samples.clone();
        Arrays.sort(sorted);
    }

    public double at(double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    public double mean() {
        return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).average().orElse(Double.NaN);
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    public int count() {
        return sorted.length;
    }
}
