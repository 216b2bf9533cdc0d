package dev.uploadgateway.bench.plan;

import java.util.List;

/**
 * How long each target is warmed up before the first measured cell: rounds of
 * {@code roundUploads} uploads of the smallest file ({@code concurrency} in flight) until the JIT
 * of the JVM the target adds has settled — its JIT compiler threads used at most
 * {@code settledCompileMs} of CPU during the last round, after at least {@code minRounds} — or
 * {@code maxRounds} have been sent. A fixed count would be too short for
 * Payara, whose compilations go on for thousands of requests, and needlessly long for nginx
 * (whose round compiles nothing but the emulator's code).
 */
public record WarmUpRule(int roundUploads, int concurrency, double settledCompileMs, int minRounds, int maxRounds) {

    public WarmUpRule {
        if (roundUploads < concurrency || concurrency < 1 || minRounds < 1 || maxRounds < minRounds || settledCompileMs < 0) {
            throw new IllegalArgumentException("a warm-up needs rounds of at least one upload per connection and"
                    + " 1 ≤ minRounds ≤ maxRounds: " + roundUploads + " uploads, " + concurrency + " in flight, rounds "
                    + minRounds + ".." + maxRounds + ", threshold " + settledCompileMs + " ms");
        }
    }

    /** Up to 10 rounds of 500 (5000 uploads), settled at 50 ms of compiler CPU per round (0.1 ms per upload). */
    public static WarmUpRule full() {
        return new WarmUpRule(500, 25, 50, 2, 10);
    }

    /**
     * Up to 3 rounds of 50, settled at the same 0.1 ms of compiler CPU per upload: a smoke test of
     * the rule, too short for any JVM here to settle (the gateway's JIT was still at about 4 ms of
     * CPU per upload after 5000 uploads, measured).
     */
    public static WarmUpRule quick() {
        return new WarmUpRule(50, 20, 5, 2, 3);
    }

    /**
     * Whether the JIT has settled: the last of at least {@code minRounds} rounds used no more than
     * the threshold of compiler CPU. An unknown figure (NaN: no JVM to ask) never settles.
     */
    public boolean settled(List<Double> compileMsPerRound) {
        if (compileMsPerRound.size() < minRounds) {
            return false;
        }
        double last = compileMsPerRound.get(compileMsPerRound.size() - 1);
        return !Double.isNaN(last) && last <= settledCompileMs;
    }

    /** Whether to stop warming up: settled, at the bound, or after {@code minRounds} when the JIT cannot be asked. */
    public boolean done(List<Double> compileMsPerRound) {
        int rounds = compileMsPerRound.size();
        boolean unknown = rounds > 0 && Double.isNaN(compileMsPerRound.get(rounds - 1));
        return settled(compileMsPerRound) || rounds >= maxRounds || (unknown && rounds >= minRounds);
    }

    /** The threshold per upload, for the report. */
    public double settledCompileMsPerUpload() {
        return settledCompileMs / roundUploads;
    }
}
