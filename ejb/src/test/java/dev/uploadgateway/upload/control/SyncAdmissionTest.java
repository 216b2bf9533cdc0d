package dev.uploadgateway.upload.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class SyncAdmissionTest {

    private static final long MIB = 1024 * 1024;

    private static SyncAdmission admission(long heapBytes) {
        SyncAdmission a = new SyncAdmission();
        a.settings = new UploadSettings();
        a.settings.syncHeapShare = 1.0;
        a.settings.syncHeapWaitSeconds = 0;
        a.settings.maxBytes = 100 * MIB;
        a.settings.busyRetryAfterSeconds = 5;
        a.budget = new HeapBudget(heapBytes);
        a.bodies = new BodyWatch();
        a.bodies.settings = a.settings;
        a.settings.readIdleTimeoutSeconds = 20;
        a.settings.minBytesPerSecond = 500;
        return a;
    }

    /** The finding: one connection that declared 128 MB and trickled it held every other sync upload off. */
    @Test
    void aWaitingUploadTakesTheRoomOfATrickleThatDeclaredAHugeBody() throws Exception {
        SyncAdmission a = admission(64 * MIB);
        a.settings.syncHeapWaitSeconds = 15;
        java.io.PipedOutputStream client = new java.io.PipedOutputStream();
        java.io.PipedInputStream wire = new java.io.PipedInputStream(client);
        java.util.concurrent.CompletableFuture<String> trickle = new java.util.concurrent.CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (SyncAdmission.Hold hold = a.admit(30 * MIB)) {
                InputStream body = hold.metered(a.bodies.watch(wire));
                trickle.complete("read " + body.readAllBytes().length); // the client never sends: blocks
            } catch (Refused e) {
                trickle.complete(e.problem().slug());
            } catch (IOException e) {
                trickle.completeExceptionally(e);
            }
        });
        reader.start();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (a.reservedBytes() < 60 * MIB && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        long start = System.nanoTime();
        try (SyncAdmission.Hold other = a.admit(10 * MIB)) {
            assertTrue(a.reservedBytes() >= 20 * MIB);
            long waited = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertTrue(waited < 10, "had the room after " + waited + " s");
        }
        assertEquals("request-body-too-slow", trickle.get(10, java.util.concurrent.TimeUnit.SECONDS));
        reader.join(10_000);
        assertEquals(0, a.reservedBytes());
    }

    @Test
    void aDeclaredBodyHoldsTwiceItsLengthUntilClosed() {
        SyncAdmission a = admission(64 * MIB);
        try (SyncAdmission.Hold hold = a.admit(10 * MIB + 7)) {
            assertTrue(a.reservedBytes() >= 20 * MIB, "held " + a.reservedBytes());
        }
        assertEquals(0, a.reservedBytes());
    }

    /** A chunked body grows its hold in steps of odd sizes; closing gives every byte of it back. */
    @Test
    void aBodyWithoutALengthGivesBackAllItReservedWhileReading() throws IOException {
        SyncAdmission a = admission(64 * MIB);
        for (int round = 0; round < 50; round++) {
            try (SyncAdmission.Hold hold = a.admit(-1)) {
                InputStream in = hold.metered(new ByteArrayInputStream(new byte[(int) (3 * MIB + 12_345)]));
                byte[] buffer = new byte[700_001]; // reads that need more than one growth step each
                while (in.read(buffer) >= 0) {
                    // read to the end, as the intake does
                }
                assertTrue(a.reservedBytes() >= 2 * (3 * MIB + 12_345), "held " + a.reservedBytes());
            }
            assertEquals(0, a.reservedBytes(), "round " + round);
        }
    }

    @Test
    void anEmptyBodyHoldsNothingAfterwards() {
        SyncAdmission a = admission(64 * MIB);
        for (int round = 0; round < 10; round++) {
            a.admit(0).close();
        }
        assertEquals(0, a.reservedBytes());
    }

    @Test
    void aChunkedBodyThatOutgrowsTheWholeBudgetNeverFits() {
        SyncAdmission a = admission(8 * MIB);
        try (SyncAdmission.Hold hold = a.admit(-1)) {
            InputStream in = hold.metered(new ByteArrayInputStream(new byte[(int) (5 * MIB)]));
            Refused refused = assertThrows(Refused.class, in::readAllBytes);
            assertEquals(ProblemType.SYNC_PATH_OUT_OF_MEMORY, refused.problem());
        }
        assertEquals(0, a.reservedBytes());
    }
}
