package dev.uploadgateway.upload.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.upload.entity.UploadRejected;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class SyncAdmissionTest {

    private static final long MIB = 1024 * 1024;

    private static SyncAdmission admission(long heapBytes) {
        SyncAdmission a = new SyncAdmission();
        a.heapShare = 1.0;
        a.waitSeconds = 0;
        a.maxBytes = 100 * MIB;
        a.retryAfterSeconds = 5;
        a.budget = new HeapBudget(heapBytes);
        return a;
    }

    /** A declared length is a client's claim: only bytes that arrived take room. */
    @Test
    void aDeclaredBodyHoldsOnlyWhatHasArrivedUntilClosed() throws IOException {
        SyncAdmission a = admission(64 * MIB);
        try (SyncAdmission.Hold hold = a.admit(30 * MIB)) {
            assertEquals(0, a.reservedBytes(), "nothing held for a claim");
            InputStream in = hold.metered(new ByteArrayInputStream(new byte[(int) (2 * MIB)]));
            in.readNBytes((int) MIB);
            long early = a.reservedBytes();
            assertTrue(early >= 2 * MIB && early < 8 * MIB, "held " + early + " after 1 MiB");
            in.readAllBytes();
            assertTrue(a.reservedBytes() >= 4 * MIB, "held " + a.reservedBytes());
        }
        assertEquals(0, a.reservedBytes());
    }

    @Test
    void aDeclaredLengthThatCanNeverFitIsRefusedBeforeReading() {
        SyncAdmission a = admission(64 * MIB);
        UploadRejected refused = assertThrows(UploadRejected.class, () -> a.admit(40 * MIB));
        assertEquals("sync-path-out-of-memory", refused.type());
        assertEquals(0, a.reservedBytes());
    }

    /** The finding: one trickling connection that declared 128 MB used to starve every other sync upload. */
    @Test
    void aTrickleThatDeclaredAHugeBodyLeavesRoomForOthers() throws IOException {
        SyncAdmission a = admission(300 * MIB);
        a.maxBytes = 200 * MIB;
        try (SyncAdmission.Hold trickle = a.admit(134_217_700); SyncAdmission.Hold other = a.admit(10 * MIB)) {
            trickle.metered(new ByteArrayInputStream(new byte[10])).readAllBytes();
            InputStream in = other.metered(new ByteArrayInputStream(new byte[(int) (10 * MIB)]));
            assertEquals(10 * MIB, in.readAllBytes().length, "the other upload got its room at once");
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
            UploadRejected refused = assertThrows(UploadRejected.class, in::readAllBytes);
            assertEquals("sync-path-out-of-memory", refused.type());
        }
        assertEquals(0, a.reservedBytes());
    }
}
