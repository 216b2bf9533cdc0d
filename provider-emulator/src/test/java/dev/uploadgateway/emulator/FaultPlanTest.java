package dev.uploadgateway.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void answersNormallyWhenNothingIsArmed() {
        assertEquals(Fault.NONE, new FaultPlan(Duration.ZERO).next());
    }

    @Test
    void servesArmedFaultsFirstArmedFirstServedThenNone() {
        FaultPlan plan = new FaultPlan(Duration.ZERO);
        plan.arm(2, Fault.fail(500, null));
        plan.arm(1, Fault.reset());

        assertEquals(Fault.Kind.FAIL, plan.next().kind());
        assertEquals(Fault.Kind.FAIL, plan.next().kind());
        assertEquals(Fault.Kind.RESET, plan.next().kind());
        assertEquals(Fault.NONE, plan.next());
    }

    @Test
    void armingZeroUploadsArmsNothing() {
        FaultPlan plan = new FaultPlan(Duration.ZERO);
        plan.arm(0, Fault.garbage());

        assertEquals(0, plan.armed());
    }

    @Test
    void clearDisarmsAndRestoresTheStartLatency() {
        FaultPlan plan = new FaultPlan(Duration.ofMillis(40));
        plan.arm(3, Fault.hang(Duration.ofSeconds(1)));
        plan.latency(Duration.ofSeconds(2));

        plan.clear();

        assertEquals(0, plan.armed());
        assertEquals(Duration.ofMillis(40), plan.latency());
    }

    @Test
    void refusesNonsenseKnobs() {
        FaultPlan plan = new FaultPlan(Duration.ZERO);

        assertThrows(IllegalArgumentException.class, () -> plan.arm(-1, Fault.reset()));
        assertThrows(IllegalArgumentException.class, () -> plan.arm(FaultPlan.MAX_ARMED + 1, Fault.reset()));
        assertThrows(IllegalArgumentException.class, () -> plan.latency(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> Fault.fail(200, null));
        assertThrows(IllegalArgumentException.class, () -> Fault.fail(600, null));
        assertThrows(IllegalArgumentException.class, () -> Fault.hang(Duration.ofSeconds(-1)));
    }

    @Test
    void roundsRetryAfterUpToWholeSeconds() {
        assertEquals(1, Fault.fail(429, Duration.ofMillis(1)).retryAfterSeconds());
        assertEquals(2, Fault.fail(429, Duration.ofSeconds(2)).retryAfterSeconds());
        assertEquals(0, Fault.fail(429, Duration.ZERO).retryAfterSeconds());
        assertNull(Fault.fail(503, null).retryAfter());
    }
}
