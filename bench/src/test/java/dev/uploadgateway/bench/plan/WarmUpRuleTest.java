package dev.uploadgateway.bench.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpRuleTest {

    private final WarmUpRule rule = new WarmUpRule(500, 25, 50, 2, 10);

    @Test
    void settlesOnTheFirstRoundUnderTheThresholdOnceTheLeastRoundsAreSent() {
        assertFalse(rule.done(List.of()));
        assertFalse(rule.done(List.of(20.0)), "one quiet round is not enough: minRounds is 2");
        assertTrue(rule.settled(List.of(900.0, 50.0)), "at the threshold counts as settled");
        assertTrue(rule.done(List.of(900.0, 40.0)));
        assertFalse(rule.done(List.of(900.0, 40.0, 60.0)), "judged on the last round only");
    }

    @Test
    void stopsAtTheBoundWithoutCallingItSettled() {
        List<Double> busy = java.util.Collections.nCopies(10, 400.0);
        assertTrue(rule.done(busy));
        assertFalse(rule.settled(busy));
        assertFalse(rule.done(busy.subList(0, 9)));
    }

    @Test
    void aJvmThatCannotBeAskedGetsTheLeastRoundsAndNeverSettles() {
        assertFalse(rule.done(List.of(Double.NaN)));
        assertTrue(rule.done(List.of(Double.NaN, Double.NaN)));
        assertFalse(rule.settled(List.of(Double.NaN, Double.NaN)));
    }

    @Test
    void theThresholdPerUploadIsTheSameInBothModes() {
        assertEquals(0.1, WarmUpRule.full().settledCompileMsPerUpload(), 1e-9);
        assertEquals(WarmUpRule.full().settledCompileMsPerUpload(), WarmUpRule.quick().settledCompileMsPerUpload(), 1e-9);
        assertTrue(WarmUpRule.full().maxRounds() * WarmUpRule.full().roundUploads() >= 1000, "thousands of uploads at most");
    }

    @Test
    void refusesARuleThatCannotEnd() {
        assertThrows(IllegalArgumentException.class, () -> new WarmUpRule(500, 25, 50, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> new WarmUpRule(10, 25, 50, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new WarmUpRule(500, 25, -1, 1, 2));
    }
}
