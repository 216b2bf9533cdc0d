package dev.uploadgateway.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private long now;
    private LoginThrottle throttle;

    @BeforeEach
    void tenFailuresAMinute() {
        throttle = new LoginThrottle();
        throttle.settings = new LoginSettings();
        throttle.settings.failedLoginBurst = 10;
        throttle.settings.failedLoginWindowSeconds = 60;
        throttle.clock = () -> now;
    }

    private void fail(String client, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(client);
        }
    }

    @Test
    void blocksAnAddressOnceItsBurstIsSpentAndOnlyThatAddress() {
        fail("10.0.0.1", 9);
        assertFalse(throttle.blocked("10.0.0.1"));
        fail("10.0.0.1", 1);
        assertTrue(throttle.blocked("10.0.0.1"));
        assertFalse(throttle.blocked("10.0.0.2"));
    }

    @Test
    void letsTheAddressTryAgainWhenItsWindowEnds() {
        fail("10.0.0.1", 10);
        now += TimeUnit.SECONDS.toNanos(45);
        assertTrue(throttle.blocked("10.0.0.1"));
        assertEquals(15, throttle.retryAfterSeconds("10.0.0.1"));
        now += TimeUnit.SECONDS.toNanos(15);
        assertFalse(throttle.blocked("10.0.0.1"));
        fail("10.0.0.1", 1);
        assertFalse(throttle.blocked("10.0.0.1"), "a new window starts counting from one");
    }

    @Test
    void dropsEndedWindowsWhenTheTableIsFull() {
        for (int i = 0; i < LoginThrottle.MAX_CLIENTS; i++) {
            throttle.failed("client-" + i);
        }
        now += TimeUnit.SECONDS.toNanos(61);
        fail("attacker", 10);
        assertTrue(throttle.blocked("attacker"));
        assertFalse(throttle.blocked("client-0"));
    }

    @Test
    void neverGrowsPastItsBoundWhileEveryWindowIsLive() {
        for (int i = 0; i < LoginThrottle.MAX_CLIENTS; i++) {
            throttle.failed("client-" + i);
        }
        fail("one-more", 10);
        assertFalse(throttle.blocked("one-more"), "not tracked while the table is full of live windows");
        fail("client-0", 9);
        assertTrue(throttle.blocked("client-0"), "addresses already tracked are still counted");
    }
}
