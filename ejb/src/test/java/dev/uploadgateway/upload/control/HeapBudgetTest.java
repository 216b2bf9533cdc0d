package dev.uploadgateway.upload.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HeapBudgetTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void grantsWhatFitsAndGivesItBack() throws Exception {
        HeapBudget budget = new HeapBudget(100 * MIB);
        assertEquals(HeapBudget.Grant.GRANTED, budget.reserve(60 * MIB, 0, 0));
        assertEquals(60 * MIB, budget.reservedBytes());
        assertEquals(HeapBudget.Grant.TIMED_OUT, budget.reserve(60 * MIB, 0, 50));
        budget.release(60 * MIB);
        assertEquals(0, budget.reservedBytes());
        assertEquals(HeapBudget.Grant.GRANTED, budget.reserve(60 * MIB, 0, 0));
    }

    @Test
    void aNeedAboveTheWholeBudgetNeverFitsAndIsRefusedWithoutWaiting() throws Exception {
        HeapBudget budget = new HeapBudget(100 * MIB);
        long start = System.nanoTime();
        assertEquals(HeapBudget.Grant.NEVER_FITS, budget.reserve(HeapBudget.need(51 * MIB), 0, 60_000));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        assertEquals(0, budget.reservedBytes());
    }

    @Test
    void aWaitingReservationIsGrantedWhenRoomIsReleased() throws Exception {
        HeapBudget budget = new HeapBudget(100 * MIB);
        assertEquals(HeapBudget.Grant.GRANTED, budget.reserve(80 * MIB, 0, 0));
        CompletableFuture<HeapBudget.Grant> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return budget.reserve(40 * MIB, 0, 30_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitWaiters(budget::waiting);
        assertFalse(waiting.isDone(), "waits while the room is taken");
        budget.release(80 * MIB);
        assertEquals(HeapBudget.Grant.GRANTED, waiting.get(10, TimeUnit.SECONDS));
        assertEquals(40 * MIB, budget.reservedBytes());
    }

    @Test
    void whatAHolderAlreadyHasCountsTowardsNeverFitting() throws Exception {
        HeapBudget budget = new HeapBudget(100 * MIB);
        assertEquals(HeapBudget.Grant.NEVER_FITS, budget.reserve(30 * MIB, 80 * MIB, 60_000));
        assertEquals(HeapBudget.Grant.GRANTED, budget.reserve(20 * MIB, 80 * MIB, 0));
    }

    @Test
    void countsPartialKibibytesUpAndNeedsTwiceTheFile() throws Exception {
        assertEquals(2 * MIB, HeapBudget.need(MIB));
        assertEquals(1024, HeapBudget.whole(1));
        assertEquals(2048, HeapBudget.whole(1025));
        assertEquals(1024, HeapBudget.whole(1024));
        HeapBudget budget = new HeapBudget(10 * 1024);
        assertEquals(10 * 1024, budget.totalBytes());
        assertEquals(HeapBudget.Grant.GRANTED, budget.reserve(1, 0, 0));
        assertEquals(1024, budget.reservedBytes(), "one byte takes a whole KiB");
        assertEquals(HeapBudget.Grant.GRANTED, budget.reserve(1025, 0, 0));
        assertEquals(3 * 1024, budget.reservedBytes(), "1025 bytes take two");
        assertEquals(HeapBudget.Grant.NEVER_FITS, budget.reserve(7 * 1024 + 1, 3 * 1024, 0),
                "7 KiB and a byte is 8 KiB: over the 10 with the 3 held");
        budget.release(1);
        budget.release(1025);
        assertEquals(0, budget.reservedBytes(), "released exactly as reserved");
    }

    /** Until one reservation waits in the budget's queue, at most 10 s: no guessed sleep. */
    static void awaitWaiters(java.util.function.IntSupplier waiting) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (waiting.getAsInt() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, waiting.getAsInt(), "the reservation is queued");
    }
}
