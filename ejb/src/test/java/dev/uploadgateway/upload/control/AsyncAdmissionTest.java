package dev.uploadgateway.upload.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.upload.entity.GatewayBusy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AsyncAdmissionTest {

    private static AsyncAdmission admission(int places, long waitSeconds) {
        AsyncAdmission a = new AsyncAdmission();
        a.settings = new UploadSettings();
        a.settings.asyncMaxInFlight = places;
        a.settings.busyRetryAfterSeconds = 5;
        a.settings.asyncAdmissionWaitSeconds = waitSeconds;
        a.init();
        return a;
    }

    @Test
    void withNoWaitAFullPathRefusesAtOnceWithRetryAfter() {
        AsyncAdmission a = admission(2, 0);
        a.admit();
        a.admit();
        long start = System.nanoTime();
        GatewayBusy busy = assertThrows(GatewayBusy.class, a::admit);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
        assertEquals(5, busy.retryAfterSeconds());
        assertEquals(2, a.inFlight());
    }

    @Test
    void aWaitingUploadTakesThePlaceThatIsReleased() throws Exception {
        AsyncAdmission a = admission(1, 30);
        a.admit();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(a::admit);
        HeapBudgetTest.awaitWaiters(a::waiting);
        assertFalse(waiting.isDone(), "waits while the path is full");
        a.release();
        waiting.get(10, TimeUnit.SECONDS);
        assertEquals(1, a.inFlight());
    }

    @Test
    void aWaitThatRunsOutIsRefused() {
        AsyncAdmission a = admission(1, 1);
        a.admit();
        long start = System.nanoTime();
        assertThrows(GatewayBusy.class, a::admit);
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(900), "waited about a second");
    }
}
