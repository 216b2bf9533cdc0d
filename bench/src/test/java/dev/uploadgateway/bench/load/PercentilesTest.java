package dev.uploadgateway.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void usesTheNearestRank() {
        double[] samples = new double[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = 100 - i;
        }
        Percentiles p = new Percentiles(samples);
        assertEquals(50, p.at(50));
        assertEquals(95, p.at(95));
        assertEquals(99, p.at(99));
        assertEquals(100, p.max());
        assertEquals(50.5, p.mean(), 1e-9);
    }

    @Test
    void oneSampleIsEveryPercentile() {
        Percentiles p = new Percentiles(new double[]{7});
        assertEquals(7, p.at(1));
        assertEquals(7, p.at(99.9));
    }

    @Test
    void noSamplesGiveNaN() {
        assertTrue(Double.isNaN(new Percentiles(new double[0]).at(50)));
    }
}
