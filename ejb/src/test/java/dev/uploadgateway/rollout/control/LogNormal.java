package dev.uploadgateway.rollout.control;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Log-normal factors by table: {@value #STEPS} quantiles of the standard normal, computed once, so
 * the replay pays an array read per latency instead of a Gaussian and an exponential; with 4096
 * steps the table's p95 is within 0.1 % of the true one.
 */
final class LogNormal {

    static final int STEPS = 4_096;
    private static final double[] NORMAL = quantiles();

    private LogNormal() {
    }

    /** exp(sigma × z) for each normal quantile z: index it with a uniform draw from [0, STEPS). */
    static double[] factors(double sigma) {
        return Arrays.stream(NORMAL).map(z -> Math.exp(sigma * z)).toArray();
    }

    private static double[] quantiles() {
        SplittableRandom random = new SplittableRandom(42);
        double[] z = new double[1 << 20];
        Arrays.setAll(z, i -> random.nextGaussian());
        Arrays.sort(z);
        double[] steps = new double[STEPS];
        Arrays.setAll(steps, i -> z[(int) ((i + 0.5) / STEPS * z.length)]);
        return steps;
    }
}
