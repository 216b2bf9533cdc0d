package dev.uploadgateway.rollout.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final Criteria ANY = new Criteria(0.99, 0.01, 1.1, 100, Duration.ofHours(1));

    private static Schedule of(double... percents) {
        StagePlan[] plans = new StagePlan[percents.length];
        for (int i = 0; i < percents.length; i++) {
            plans[i] = new StagePlan(new Stage(i, percents[i]), ANY);
        }
        return new Schedule(List.of(plans));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "0.5, 0", "1, 1", "9.99, 1", "10, 2", "25, 2", "50, 3", "99.99, 3", "100, 4"})
    void placesAnyPercentAtTheHighestStageAtOrBelowIt(double percent, int stage) {
        assertEquals(stage, of(0, 1, 10, 50, 100).indexOfPercent(percent));
    }

    @Test
    void knowsTheNextAndTheLastStage() {
        Schedule schedule = of(0, 1, 10, 50, 100);
        assertEquals(Optional.of(schedule.plan(3)), schedule.next(2));
        assertEquals(Optional.empty(), schedule.next(4));
        assertEquals(100, schedule.last().percent());
    }

    @Test
    void refusesStagesThatDoNotRiseStrictlyToAHundred() {
        assertThrows(IllegalArgumentException.class, () -> of(0, 10, 10, 100));
        assertThrows(IllegalArgumentException.class, () -> of(0, 10, 50));
        assertThrows(IllegalArgumentException.class, () -> of(1, 10, 100));
        assertThrows(IllegalArgumentException.class, () -> of(0, 50, 10, 100));
    }

    @Test
    void refusesAStageItDoesNotHave() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> of(0, 100).plan(2));
        assertTrue(e.getMessage().startsWith("no stage 2"));
        assertThrows(IllegalArgumentException.class, () -> of(0, 100).indexOfPercent(101));
    }
}
