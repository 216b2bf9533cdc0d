package dev.uploadgateway.resumable.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TusChecksumTest {

    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheBytesItWasTakenOverInEitherAlgorithm() {
        TusChecksum sha1 = TusChecksum.of("sha1 qvTGHdzF6KLavt4PO0gs2a6pQ00=");
        sha1.digest().update(HELLO);
        assertTrue(sha1.matches());
        TusChecksum sha256 = TusChecksum.of("SHA256 LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=");
        assertEquals("sha256", sha256.algorithm());
        sha256.digest().update(HELLO);
        assertTrue(sha256.matches());
    }

    @Test
    void otherBytesDoNotMatch() {
        TusChecksum sha1 = TusChecksum.of("sha1 qvTGHdzF6KLavt4PO0gs2a6pQ00=");
        sha1.digest().update("hellO".getBytes(StandardCharsets.US_ASCII));
        assertFalse(sha1.matches());
    }

    @Test
    void noHeaderIsNoChecksum() {
        assertNull(TusChecksum.of(null));
        assertNull(TusChecksum.of(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"md5 XUFAKrxLKna5cZ2REBfFkg==", "sha1", "sha1 not base64!", "crc32 AAAA"})
    void refusesAnAlgorithmItDoesNotTakeOrADigestThatIsNotBase64(String header) {
        assertEquals(ProblemType.INVALID_PARAMETER, assertThrows(Refused.class, () -> TusChecksum.of(header)).problem());
    }
}
