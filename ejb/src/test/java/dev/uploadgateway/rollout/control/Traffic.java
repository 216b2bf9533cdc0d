package dev.uploadgateway.rollout.control;

/**
 * Synthetic uploads for the replay: how many arrive, how often each path succeeds, and log-normal
 * latencies given by their medians and a common spread (sigma 0.5 puts p95 at 2.28 × the median).
 *
 * @param fallbackRescue share of failed async uploads the sync fallback still delivers
 */
record Traffic(double uploadsPerHour, double asyncSuccess, double syncSuccess, double fallbackRescue,
        double asyncMedianMs, double syncMedianMs, double sigma) {

    /** Async delivers 99.7 % and is faster than sync (median 800 ms against 1000 ms). */
    static Traffic healthy(double uploadsPerHour) {
        return new Traffic(uploadsPerHour, 0.997, 0.999, 0.95, 800, 1000, 0.5);
    }

    Traffic withAsyncSuccess(double rate) {
        return new Traffic(uploadsPerHour, rate, syncSuccess, fallbackRescue, asyncMedianMs, syncMedianMs, sigma);
    }

    Traffic withAsyncMedianMs(double ms) {
        return new Traffic(uploadsPerHour, asyncSuccess, syncSuccess, fallbackRescue, ms, syncMedianMs, sigma);
    }
}
