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
            UploadRejected refused = assertThrows(UploadRejected.class, in::readAllBytes);
            assertEquals("sync-path-out-of-memory", refused.type());
        }
        assertEquals(0, a.reservedBytes());
    }
}
