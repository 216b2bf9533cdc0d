package dev.uploadgateway.upload.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        Thread.sleep(200);
        assertTrue(!waiting.isDone(), "waits while the room is taken");
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
    void countsPartialKibibytesUpAndNeedsTwiceTheFile() {
        assertEquals(2 * MIB, HeapBudget.need(MIB));
        HeapBudget budget = new HeapBudget(10 * 1024);
        assertEquals(10 * 1024, budget.totalBytes());
    }
}
