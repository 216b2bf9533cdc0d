package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.Proportion;

/**
 * The Wilson score interval of a proportion. Unlike the textbook p ± z·√(p(1−p)/n) it stays within
 * [0, 1] and keeps its width when every trial succeeded, which is exactly the case of a healthy
 * stage: 500 successes out of 500 do not prove 100 %.
 */
public final class Wilson {

    private Wilson() {
    }

    public static double lower(long successes, long n, double z) {
        return n == 0 ? 0 : Math.max(0, centre(successes, n, z) - halfWidth(successes, n, z));
    }

    public static double upper(long successes, long n, double z) {
        return n == 0 ? 1 : Math.min(1, centre(successes, n, z) + halfWidth(successes, n, z));
    }

    /** {@code events} of {@code trials} with its interval; 0 in [0, 1] when there are no trials. */
    public static Proportion proportion(long events, long trials, double z) {
        if (trials == 0) {
            return new Proportion(events, 0, 0, 0, 1);
        }
        double centre = centre(events, trials, z);
        double halfWidth = halfWidth(events, trials, z);
        return new Proportion(events, trials, (double) events / trials, Math.max(0, centre - halfWidth),
                Math.min(1, centre + halfWidth));
    }

    private static double centre(long successes, long n, double z) {
        double p = check(successes, n);
        return (p + z * z / (2.0 * n)) / (1 + z * z / n);
    }

    private static double halfWidth(long successes, long n, double z) {
        double p = (double) successes / n;
        return z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
    }

    private static double check(long successes, long n) {
        if (n < 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n, were " + successes + " and " + n);
        }
        return (double) successes / n;
    }
}
