package dev.uploadgateway.rollout.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.rollout.entity.Criteria;
import dev.uploadgateway.rollout.entity.Gate;
import dev.uploadgateway.rollout.entity.RolloutRules;
import dev.uploadgateway.rollout.entity.StagePlan;
import dev.uploadgateway.rollout.entity.Triggers;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleConfigTest {

    /** The schedule's keys among the shipped ones; other rollout keys belong to other readers. */
    private static final Set<String> GENERAL_KEYS = Set.of("rollout.recent-window", "rollout.confidence-z",
            "rollout.auto-promote", "rollout.evaluation-interval-seconds");

    static Stream<String> scheduleKeys() {
        return ShippedRules.DEFAULTS.stringPropertyNames().stream()
                .filter(k -> k.matches("rollout\\.(stage|trigger|review)\\..+") || GENERAL_KEYS.contains(k)).sorted();
    }

    private static RolloutRules readWith(String key, String value) {
        Map<String, String> values = new HashMap<>();
        ShippedRules.DEFAULTS.stringPropertyNames().forEach(k -> values.put(k, ShippedRules.DEFAULTS.getProperty(k)));
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
        return ScheduleConfig.read(k -> Optional.ofNullable(values.get(k)));
    }

    @Test
    void readsTheShippedDefaults() {
        RolloutRules rules = ShippedRules.RULES;
        assertEquals(java.util.List.of(0.0, 1.0, 10.0, 50.0, 100.0),
                rules.schedule().plans().stream().map(StagePlan::percent).collect(Collectors.toList()));
        assertEquals(Criteria.baseline(100, Duration.ofHours(1)), rules.schedule().plan(0).criteria());
        assertEquals(new Criteria(0.995, 0.005, 1.10, 100, Duration.ofHours(24)), rules.schedule().plan(1).criteria());
        assertEquals(new Criteria(0.99, 0.01, 1.05, 500, Duration.ofHours(48)), rules.schedule().plan(2).criteria());
        assertEquals(new Criteria(0.985, 0.015, 1.02, 2_000, Duration.ofHours(72)),
                rules.schedule().plan(3).criteria());
        assertEquals(new Criteria(0.98, 0.02, 1.00, 5_000, Duration.ofDays(7)), rules.schedule().plan(4).criteria());
        assertEquals(new Triggers(0.95, 0.05, 0.20, 256L << 20, Set.of("OutOfMemoryError", "spool-write-failed"), 0.97,
                Duration.ofMinutes(30), 1.20, 100, 1.645, 0.84), rules.triggers());
        assertFalse(rules.autoPromote());
        assertEquals(Duration.ofSeconds(60), rules.evaluationInterval());
    }

    @Test
    void readsEveryShippedScheduleKeyAndNoOther() {
        Set<String> asked = new TreeSet<>();
        ScheduleConfig.read(k -> {
            asked.add(k);
            return Optional.ofNullable(ShippedRules.DEFAULTS.getProperty(k));
        });
        Set<String> expected = scheduleKeys().collect(Collectors.toCollection(TreeSet::new));
        expected.add("rollout.promotion-window"); // optional: empty means always
        assertEquals(expected, asked);
    }

    @Test
    void shipsAutomaticGatesNoStageLimitAndNoWindow() {
        RolloutRules rules = ScheduleConfig.read(k -> Optional.ofNullable(ShippedRules.DEFAULTS.getProperty(k))
                .filter(v -> !v.isEmpty()));
        assertTrue(rules.schedule().plans().stream().allMatch(p -> p.gate() == Gate.AUTO
                && p.maxDuration().isZero()));
        assertTrue(rules.windows().windows().isEmpty());
    }

    @Test
    void readsAManualGateAStageLimitAndWindows() {
        assertEquals(Gate.MANUAL, readWith("rollout.stage.2.gate", " Manual ").schedule().plan(2).gate());
        assertEquals(Duration.ofHours(2), readWith("rollout.stage.3.max-duration-seconds", "7200").schedule().plan(3)
                .maxDuration());
        assertEquals(2, readWith("rollout.promotion-window", "Mon-Fri 09:00-16:00 Europe/Berlin, Sat 10:00-12:00 UTC")
                .windows().windows().size());
    }

    @Test
    void namesABadWindowAndSaysHowToWriteOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> readWith("rollout.promotion-window", "weekdays 9-5"));
        assertTrue(e.getMessage().startsWith("rollout.promotion-window: 'weekdays 9-5' is not a window: write"),
                e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("scheduleKeys")
    void namesAMissingKey(String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> readWith(key, null));
        assertEquals(key + " is missing; it has no default in code", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rollout.stage.1.min-success-rate | 99.5 | a fraction from 0 to 1",
        "rollout.stage.2.max-error-rate | -0.1 | a fraction from 0 to 1",
        "rollout.stage.2.percent | ten | a percentage above 0, at most 100",
        "rollout.stage.3.percent | 5 | above the previous stage's 10 %",
        "rollout.stage.4.percent | 90 | 100 (the last stage)",
        "rollout.stage.1.min-uploads | -1 | a whole number from 0",
        "rollout.stage.0.min-duration-seconds | 1h | a whole number from 0",
        "rollout.stage.3.max-latency-ratio | 0 | a ratio from 0.01 to 100",
        "rollout.auto-promote | yes | true or false",
        "rollout.recent-window | 0 | a whole number from 1 to 100000",
        "rollout.review.success-below | 0.9 | above rollout.trigger.success-below",
        "rollout.evaluation-interval-seconds | 0 | a whole number from 1 to 86400",
        "rollout.confidence-z | -1.645 | a z value from 0.01 to 10",
        "rollout.trigger.confidence-z | NaN | a z value from 0.01 to 10",
        "rollout.stage.2.gate | sometimes | auto or manual",
        "rollout.stage.1.max-duration-seconds | -5 | a whole number from 0",
    })
    void namesAnInvalidValueAndSaysWhatItMustBe(String key, String value, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> readWith(key, value));
        assertTrue(e.getMessage().startsWith(key + " must be "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void readsCriticalErrorClassesAsATrimmedList() {
        RolloutRules rules = readWith("rollout.trigger.critical-error-classes", " OutOfMemoryError , disk-full,, ");
        assertEquals(Set.of("OutOfMemoryError", "disk-full"), rules.triggers().criticalErrorClasses());
        assertEquals(Set.of(),
                readWith("rollout.trigger.critical-error-classes", "").triggers().criticalErrorClasses());
    }

    @Test
    void takesAStageAtAFractionOfAPercent() {
        assertEquals(0.5, readWith("rollout.stage.1.percent", "0.5").schedule().plan(1).percent());
    }
}
