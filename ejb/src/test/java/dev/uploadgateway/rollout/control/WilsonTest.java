package dev.uploadgateway.rollout.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.rollout.entity.Proportion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WilsonTest {

    /** Newcombe, Statistics in Medicine 17 (1998) 857–872, table I, 95 % two-sided. */
    @ParameterizedTest
    @CsvSource({"81, 263, 0.2553, 0.3662", "15, 148, 0.0624, 0.1605", "0, 20, 0, 0.1611", "1, 29, 0.0061, 0.1718"})
    void matchesNewcombesPublishedIntervals(long successes, long n, double lower, double upper) {
        assertEquals(lower, Wilson.lower(successes, n, 1.96), 5e-5);
        assertEquals(upper, Wilson.upper(successes, n, 1.96), 5e-5);
    }

    @Test
    void knowsNothingWithoutTrials() {
        assertEquals(0, Wilson.lower(0, 0, 1.645));
        assertEquals(1, Wilson.upper(0, 0, 1.645));
        assertEquals(new Proportion(0, 0, 0, 0, 1), Wilson.proportion(0, 0, 1.645));
    }

    @Test
    void doesNotTakeAFlawlessRecordForCertainty() {
        assertEquals(0.99462, Wilson.lower(500, 500, 1.645), 1e-5);
        assertEquals(1, Wilson.upper(500, 500, 1.645));
        assertEquals(0.00538, Wilson.upper(0, 500, 1.645), 1e-5);
    }

    @Test
    void narrowsAsTrialsGrowAroundTheSameRate() {
        double previous = 0;
        for (long n = 100; n <= 100_000; n *= 10) {
            double lower = Wilson.lower(n * 997 / 1000, n, 1.645);
            assertTrue(lower > previous && lower < 0.997, n + " trials: " + lower);
            previous = lower;
        }
    }

    @Test
    void widensWithTheZValue() {
        assertTrue(Wilson.upper(93, 100, 1.645) > Wilson.upper(93, 100, 0.84));
        assertEquals(0.94856, Wilson.upper(93, 100, 0.84), 1e-5);
    }

    @Test
    void putsItsBoundsIntoTheProportion() {
        Proportion p = Wilson.proportion(81, 263, 1.96);
        assertEquals(81.0 / 263, p.estimate());
        assertEquals(Wilson.lower(81, 263, 1.96), p.lower(), 1e-12);
        assertEquals(Wilson.upper(81, 263, 1.96), p.upper(), 1e-12);
    }

    @Test
    void refusesMoreSuccessesThanTrials() {
        assertThrows(IllegalArgumentException.class, () -> Wilson.lower(11, 10, 1.645));
        assertThrows(IllegalArgumentException.class, () -> Wilson.upper(-1, 10, 1.645));
    }
}
