package dev.uploadgateway.rollout.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.rollout.control.ConfigAdoption.Reading;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConfigAdoptionTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final ConfigAdoption adoption = new ConfigAdoption(nanos::get);

    private void advanceMillis(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private static Reading explicit(boolean enabled, double percent) {
        return new Reading(enabled, percent, true, true);
    }

    @Test
    void theFirstValueIsAdoptedAtOnce() {
        assertTrue(adoption.adoptNow(new Reading(false, 0, false, false), null, null, false));
    }

    @Test
    void anExplicitValueAtStartupIsAdoptedBeforeTheFirstRequestEvenWhenItRaisesTraffic() {
        assertTrue(adoption.adoptNow(explicit(true, 0), true, 100.0, true), "restart with rollout 0 after 100");
        assertTrue(adoption.adoptNow(explicit(true, 50), true, 10.0, true), "restart with more");
    }

    @Test
    void atStartupADefaultStandsInForASourceNotYetThereAndWaits() {
        // Micro attaches the config directory only after the deployment: until then the default reads
        assertFalse(adoption.adoptNow(new Reading(false, 0, false, false), true, 50.0, true));
    }

    @Test
    void turningAsyncOffTakesEffectOnTheNextDecision() {
        assertTrue(adoption.adoptNow(explicit(false, 50), true, 50.0, false), "enabled=false");
        assertTrue(adoption.adoptNow(explicit(true, 10), true, 50.0, false), "a lower percent");
        assertTrue(adoption.adoptNow(new Reading(false, 50, true, false), true, 50.0, false),
                "enabled=false explicitly, percent unchanged from its default");
    }

    @Test
    void raisingTrafficWaitsUntilTheValueHasReadTheSameForTheSettle() {
        Reading more = explicit(true, 50);
        assertFalse(adoption.adoptNow(more, true, 10.0, false));
        advanceMillis(2_499);
        assertFalse(adoption.adoptNow(more, true, 10.0, false));
        advanceMillis(1);
        assertTrue(adoption.adoptNow(more, true, 10.0, false));
    }

    @Test
    void aValueThatVanishesForAnInstantIsNotAdopted() {
        // the file rewritten in place: the rollout falls through to the default (0) while enabled stays set
        Reading vanished = new Reading(true, 0, true, false);
        assertFalse(adoption.adoptNow(vanished, true, 50.0, false));
        advanceMillis(1_000);
        assertFalse(adoption.adoptNow(vanished, true, 50.0, false));
        adoption.unchanged(); // the file reads 50 again
        advanceMillis(2_000);
        assertFalse(adoption.adoptNow(vanished, true, 50.0, false), "a new vanishing starts the settle anew");
        advanceMillis(2_500);
        assertTrue(adoption.adoptNow(vanished, true, 50.0, false), "one that lasts is adopted after the settle");
    }

    @Test
    void aDifferentValueRestartsTheSettle() {
        assertFalse(adoption.adoptNow(explicit(true, 50), true, 10.0, false));
        advanceMillis(2_000);
        assertFalse(adoption.adoptNow(explicit(true, 100), true, 10.0, false));
        advanceMillis(2_000);
        assertFalse(adoption.adoptNow(explicit(true, 100), true, 10.0, false));
        advanceMillis(500);
        assertTrue(adoption.adoptNow(explicit(true, 100), true, 10.0, false));
    }

    @Test
    void aNodeJoiningARunningClusterOnItsPackagedDefaultsStartsFromThemAndOneWithASwitchSetDoesNot() {
        Reading defaults = new Reading(false, 0, false, false);
        assertEquals(defaults, ConfigAdoption.joiningBaseline(defaults), "its defaults read as already seen: they move nothing");
        assertNull(ConfigAdoption.joiningBaseline(new Reading(true, 0, true, false)), "async.upload.enabled set on it");
        assertNull(ConfigAdoption.joiningBaseline(new Reading(false, 20, false, true)), "async.upload.rollout set on it");
        assertNull(ConfigAdoption.joiningBaseline(explicit(true, 20)));
    }
}
