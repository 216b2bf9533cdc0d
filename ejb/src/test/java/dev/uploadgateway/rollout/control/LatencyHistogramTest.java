package dev.uploadgateway.rollout.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LatencyHistogramTest {

    @Test
    void answersNullWhenEmpty() {
        assertNull(new LatencyHistogram().percentile(0.95));
    }

    @Test
    void isExactBelow128Milliseconds() {
        LatencyHistogram h = new LatencyHistogram();
        for (long ms = 1; ms <= 100; ms++) {
            h.add(ms);
        }
        assertEquals(50L, h.percentile(0.50));
        assertEquals(95L, h.percentile(0.95));
        assertEquals(100L, h.percentile(1.0));
    }

    @ParameterizedTest
    @ValueSource(doubles = {100, 1_000, 30_000, 600_000})
    void keepsPercentilesWithinHalfAPercentOfTheExactOnes(double medianMs) {
        SplittableRandom random = new SplittableRandom(3);
        long[] samples = new long[50_000];
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < samples.length; i++) {
            samples[i] = Math.round(medianMs * Math.exp(0.5 * random.nextGaussian()));
            h.add(samples[i]);
        }
        Arrays.sort(samples);
        for (double q : new double[] {0.5, 0.95, 0.99}) {
            long exact = samples[(int) Math.ceil(q * samples.length) - 1];
            assertEquals(exact, h.percentile(q), Math.max(1, exact * 0.005), "p" + q);
        }
    }

    @Test
    void putsAbsurdDurationsIntoTheLastBucket() {
        LatencyHistogram h = new LatencyHistogram();
        h.add(Long.MAX_VALUE);
        h.add(-5);
        assertEquals(2, h.count());
        assertEquals(0L, h.percentile(0.5));
        assertEquals(LatencyHistogram.middle(LatencyHistogram.index(Long.MAX_VALUE)), h.percentile(1.0));
        assertEquals(LatencyHistogram.index(1L << 40), LatencyHistogram.index(Long.MAX_VALUE));
    }

    @Test
    void startsOverWhenCleared() {
        LatencyHistogram h = new LatencyHistogram();
        h.add(5_000);
        h.clear();
        assertEquals(0, h.count());
        h.add(7);
        assertEquals(7L, h.percentile(0.95));
    }
}
