package dev.uploadgateway.resumable.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.problem.entity.TooLarge;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartFilesTest {

    @TempDir
    Path dir;
    private final PartFiles files = new PartFiles();
    private final byte[] bytes = new byte[200_000];

    PartFilesTest() {
        new Random(7).nextBytes(bytes);
    }

    @Test
    void writesAWholeBodyAndItsDigest() throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        PartFiles.Written written = files.writeUpTo(new ByteArrayInputStream(bytes), dir.resolve("a/p.part"), bytes.length,
                bytes.length, sha1);
        assertEquals(new PartFiles.Written(bytes.length, false), written);
        assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("a/p.part")));
        assertArrayEquals(MessageDigest.getInstance("SHA-1").digest(bytes), sha1.digest());
    }

    @Test
    void aBodyCutShortKeepsWhatArrived() throws Exception {
        InputStream gone = new InputStream() {
            private int sent;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (sent >= 70_000) {
                    throw new IOException("Connection reset");
                }
                int n = Math.min(len, 70_000 - sent);
                System.arraycopy(bytes, sent, b, off, n);
                sent += n;
                return n;
            }
        };
        PartFiles.Written written = files.writeUpTo(gone, dir.resolve("p.part"), bytes.length, bytes.length, null);
        assertEquals(new PartFiles.Written(70_000, true), written);
        assertArrayEquals(Arrays.copyOf(bytes, 70_000), Files.readAllBytes(dir.resolve("p.part")));
    }

    @Test
    void aBodyShorterThanItsLengthIsCut() throws Exception {
        PartFiles.Written written = files.writeUpTo(new ByteArrayInputStream(bytes, 0, 1000), dir.resolve("p.part"),
                bytes.length, 5000, null);
        assertTrue(written.cut());
        assertEquals(1000, written.bytes());
    }

    @Test
    void moreThanTheUploadHasLeftIsRefusedAndNothingKept() {
        assertThrows(TooLarge.class, () -> files.writeUpTo(new ByteArrayInputStream(bytes), dir.resolve("p.part"),
                bytes.length - 1, -1, null));
        assertFalse(Files.exists(dir.resolve("p.part")));
    }

    @Test
    void joinsPartsInTheOrderGivenAndDigestsThem() throws Exception {
        Path first = dir.resolve("1.part");
        Path second = dir.resolve("2.part");
        Files.write(first, Arrays.copyOfRange(bytes, 0, 1234));
        Files.write(second, Arrays.copyOfRange(bytes, 1234, bytes.length));
        try (InputStream joined = files.joined(List.of(first, second))) {
            assertArrayEquals(bytes, joined.readAllBytes());
        }
        assertEquals(java.util.HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes)),
                files.md5(List.of(first, second)));
    }
}
