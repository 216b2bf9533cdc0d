package dev.uploadgateway.rollout.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StickyBucketTest {

    private static final String SALT = "upload-gateway";
    private static final int KEYS = 100_000;

    private static long inRollout(String salt, double percent) {
        return IntStream.range(0, KEYS).filter(i -> StickyBucket.inRollout(salt, "tenant-" + i, percent)).count();
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 10, 50})
    void sendsTheConfiguredShareWithinAThirdOfAPoint(double percent) {
        double share = 100.0 * inRollout(SALT, percent) / KEYS;
        System.out.printf("rollout %.0f %% -> %.3f %% of %d keys async%n", percent, share, KEYS);
        assertEquals(percent, share, 0.3);
    }

    @Test
    void sendsNoKeyAtZeroAndEveryKeyAtHundred() {
        assertEquals(0, inRollout(SALT, 0));
        assertEquals(KEYS, inRollout(SALT, 100));
    }

    @Test
    void resolvesFractionalPercentagesToHundredthsOfAPercent() {
        assertEquals(1, StickyBucket.threshold(0.01));
        assertEquals(25, StickyBucket.threshold(0.25));
        assertEquals(9_999, StickyBucket.threshold(99.99));
        double share = 100.0 * inRollout(SALT, 0.5) / KEYS;
        assertEquals(0.5, share, 0.15);
    }

    @Test
    void keepsAKeyInItsBucketAcrossCalls() {
        for (int i = 0; i < 1_000; i++) {
            String key = "user-" + i;
            assertEquals(StickyBucket.of(SALT, key), StickyBucket.of(SALT, key));
        }
    }

    @Test
    void keepsKeyInAsyncWhenPercentRises() {
        double[] steps = {0, 0.01, 1, 5, 10, 33.3, 50, 75, 99.99, 100};
        for (int i = 0; i < 20_000; i++) {
            String key = "k" + i;
            boolean wasAsync = false;
            for (double percent : steps) {
                boolean async = StickyBucket.inRollout(SALT, key, percent);
                assertFalse(wasAsync && !async, () -> key + " went back to sync at " + percent + " %");
                wasAsync = async;
            }
            assertTrue(wasAsync, "every key is async at 100 %");
        }
    }

    @Test
    void reshufflesKeysWhenTheSaltChanges() {
        long moved = IntStream.range(0, 10_000)
                .filter(i -> StickyBucket.of(SALT, "k" + i) != StickyBucket.of("another-salt", "k" + i))
                .count();
        assertTrue(moved > 9_900, "a new salt moves nearly every key, moved " + moved);
        long bothAsync = IntStream.range(0, KEYS)
                .filter(i -> StickyBucket.inRollout(SALT, "k" + i, 10) && StickyBucket.inRollout("another-salt", "k" + i, 10))
                .count();
        // independent 10 % samples overlap in about 1 % of keys, not 10 %
        assertEquals(1.0, 100.0 * bothAsync / KEYS, 0.3);
    }

    @Test
    void spreadsKeysEvenlyOverTheBuckets() {
        int[] perDecile = new int[10];
        IntStream.range(0, KEYS).forEach(i -> perDecile[StickyBucket.of(SALT, "k" + i) / 1_000]++);
        for (int count : perDecile) {
            assertEquals(KEYS / 10.0, count, KEYS * 0.005);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 100.01, Double.NaN})
    void refusesPercentagesOutsideZeroToHundred(double percent) {
        assertThrows(IllegalArgumentException.class, () -> StickyBucket.threshold(percent));
    }
}
