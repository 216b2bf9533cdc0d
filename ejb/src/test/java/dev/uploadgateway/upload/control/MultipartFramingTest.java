package dev.uploadgateway.upload.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MultipartFramingTest {

    private static final String BOUNDARY = "------------------------3f1c9a0b7e2d4c86";
    private static final byte[] B = BOUNDARY.getBytes(StandardCharsets.US_ASCII);

    /** A part as framed: its header block and its content. */
    private record Part(String headers, byte[] content) {
    }

    private static List<Part> frame(byte[] body, int readSize) throws IOException {
        MultipartFraming framing = new MultipartFraming(chunked(body, readSize), B, Long.MAX_VALUE);
        List<Part> parts = new ArrayList<>();
        for (String h = framing.nextPart(); h != null; h = framing.nextPart()) {
            parts.add(new Part(h, framing.content(Long.MAX_VALUE).readAllBytes()));
        }
        return parts;
    }

    /** A stream that hands out at most {@code size} bytes per read, as a socket does. */
    private static InputStream chunked(byte[] body, int size) {
        return new FilterInputStream(new ByteArrayInputStream(body)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, size));
            }
        };
    }

    private static byte[] body(String preamble, List<Part> parts, String epilogue) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(preamble.getBytes(StandardCharsets.US_ASCII));
        for (Part p : parts) {
            out.writeBytes(("--" + BOUNDARY + "\r\n" + p.headers() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n" + epilogue).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Content salted with what a naive search trips over: CRLF, dashes and most of the delimiter. */
    private static byte[] treacherous(int size, long seed) {
        Random random = new Random(seed);
        byte[] content = new byte[size];
        random.nextBytes(content);
        byte[] near = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.US_ASCII);
        for (int at = random.nextInt(500); at + near.length < size; at += 300 + random.nextInt(5000)) {
            int keep = 1 + random.nextInt(near.length - 1); // never the whole delimiter
            System.arraycopy(near, 0, content, at, keep);
        }
        if (size > near.length) {
            System.arraycopy(("--" + BOUNDARY).getBytes(StandardCharsets.US_ASCII), 0, content, 0, near.length - 2);
        }
        return content;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 45, 4096, 8148, 65536, 1 << 20})
    void findsEveryPartExactlyWhateverTheReadSize(int readSize) throws IOException {
        byte[] file = treacherous(300_000, readSize);
        List<Part> sent = List.of(
                new Part("Content-Disposition: form-data; name=\"provider\"", "kimi".getBytes(StandardCharsets.US_ASCII)),
                new Part("Content-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\nContent-Type: application/octet-stream", file),
                new Part("Content-Disposition: form-data; name=\"purpose\"", new byte[0]));
        List<Part> framed = frame(body("", sent, ""), readSize);
        assertEquals(3, framed.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(sent.get(i).headers(), framed.get(i).headers());
            assertArrayEquals(sent.get(i).content(), framed.get(i).content(), "part " + i);
        }
    }

    @Test
    void itsHeaderBlocksParseIntoFieldNamesFilenamesAndTypes() throws IOException {
        byte[] body = body("", List.of(
                new Part("Content-Disposition: form-data; name=\"purpose\"", "x".getBytes(StandardCharsets.US_ASCII)),
                new Part("Content-Disposition: form-data; name=\"file\"; filename=\"r\u00e9sum\u00e9 1.txt\"\r\n"
                        + "Content-Type: text/plain", "y".getBytes(StandardCharsets.US_ASCII)),
                new Part("", "z".getBytes(StandardCharsets.US_ASCII))), "");
        List<Part> parts = frame(body, 8148);
        Parser parser = new Parser();
        var field = parser.headers(parts.get(0).headers());
        assertEquals("purpose", parser.getFieldName(field));
        assertNull(parser.getFileName(field));
        var file = parser.headers(parts.get(1).headers());
        assertEquals("file", parser.getFieldName(file));
        assertEquals("r\u00e9sum\u00e9 1.txt", parser.getFileName(file));
        assertEquals("text/plain", file.getHeader("Content-Type"));
        var bare = parser.headers(parts.get(2).headers());
        assertNull(parser.getFieldName(bare));
    }

    @Test
    void ignoresPreambleEpilogueAndPaddingAfterABoundary() throws IOException {
        byte[] body = ("preamble text\r\n--" + BOUNDARY + "  \t\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--"
                + BOUNDARY + "--\r\nepilogue").getBytes(StandardCharsets.US_ASCII);
        List<Part> parts = frame(body, 3);
        assertEquals(1, parts.size());
        assertEquals("x", new String(parts.get(0).content(), StandardCharsets.US_ASCII));
    }

    @Test
    void aPartWithoutHeadersHasAnEmptyHeaderBlock() throws IOException {
        byte[] body = ("--" + BOUNDARY + "\r\n\r\nbare\r\n--" + BOUNDARY + "--").getBytes(StandardCharsets.US_ASCII);
        List<Part> parts = frame(body, 5);
        assertEquals("", parts.get(0).headers());
        assertEquals("bare", new String(parts.get(0).content(), StandardCharsets.US_ASCII));
    }

    @Test
    void skipsWhatACallerDidNotRead() throws IOException {
        byte[] file = treacherous(200_000, 9);
        byte[] body = body("", List.of(new Part("Content-Disposition: form-data; name=\"skipped\"", file),
                new Part("Content-Disposition: form-data; name=\"read\"", "y".getBytes(StandardCharsets.US_ASCII))), "");
        MultipartFraming framing = new MultipartFraming(chunked(body, 8148), B, Long.MAX_VALUE);
        assertTrue(framing.nextPart().contains("skipped"));
        assertEquals(10, framing.content(Long.MAX_VALUE).readNBytes(10).length);
        assertTrue(framing.nextPart().contains("\"read\""));
        assertEquals("y", new String(framing.content(Long.MAX_VALUE).readAllBytes(), StandardCharsets.US_ASCII));
        assertNull(framing.nextPart());
        assertNull(framing.nextPart());
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 1000, 100_000, 299_990})
    void aBodyCutShortIsMalformed(int cut) {
        byte[] whole = body("", List.of(new Part("Content-Disposition: form-data; name=\"file\"; filename=\"a\"",
                treacherous(300_000, cut))), "");
        byte[] body = java.util.Arrays.copyOf(whole, cut);
        assertThrows(MultipartFraming.MalformedException.class, () -> frame(body, 8148));
    }

    @Test
    void aBodyWithoutItsClosingDelimiterIsMalformed() {
        byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--" + BOUNDARY)
                .getBytes(StandardCharsets.US_ASCII);
        assertThrows(MultipartFraming.MalformedException.class, () -> frame(body, 100));
    }

    @Test
    void aBodyWithNoDelimiterAtAllIsMalformed() {
        byte[] body = "just some bytes, no multipart here".getBytes(StandardCharsets.US_ASCII);
        assertThrows(MultipartFraming.MalformedException.class, () -> frame(body, 100));
    }

    @Test
    void headersLongerThanTheLimitAreMalformed() {
        String huge = "X-Filler: " + "a".repeat(MultipartFraming.HEADER_LIMIT);
        byte[] body = body("", List.of(new Part("Content-Disposition: form-data; name=\"a\"\r\n" + huge, new byte[1])), "");
        MultipartFraming.MalformedException e = assertThrows(MultipartFraming.MalformedException.class, () -> frame(body, 8148));
        assertTrue(e.getMessage().contains("headers"), e.getMessage());
    }

    @Test
    void countsAPartAgainstItsLimitAndTheBodyAgainstItsOwn() throws IOException {
        byte[] body = body("", List.of(new Part("Content-Disposition: form-data; name=\"file\"; filename=\"a\"",
                new byte[100_000])), "");
        MultipartFraming framing = new MultipartFraming(new ByteArrayInputStream(body), B, Long.MAX_VALUE);
        framing.nextPart();
        InputStream content = framing.content(99_999);
        MultipartFraming.TooLargeException file = assertThrows(MultipartFraming.TooLargeException.class, content::readAllBytes);
        assertEquals("file", file.getMessage());

        MultipartFraming small = new MultipartFraming(new ByteArrayInputStream(body), B, 50_000);
        MultipartFraming.TooLargeException whole = assertThrows(MultipartFraming.TooLargeException.class, () -> {
            small.nextPart();
            small.content(Long.MAX_VALUE).readAllBytes();
        });
        assertEquals("body", whole.getMessage());
    }

    /** Random bodies, framed here and by commons-fileupload's own parser: the same parts, byte for byte. */
    @Test
    void agreesWithCommonsFileuploadOnRandomBodies() throws Exception {
        Random random = new Random(2026);
        for (int round = 0; round < 60; round++) {
            List<Part> sent = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                byte[] content = random.nextInt(4) == 0 ? new byte[random.nextInt(3)] : treacherous(random.nextInt(70_000), round * 10L + i);
                sent.add(new Part("Content-Disposition: form-data; name=\"f" + i + "\"; filename=\"n" + i + ".bin\"", content));
            }
            byte[] body = body(random.nextBoolean() ? "" : "pre\r\n", sent, random.nextBoolean() ? "" : "post");
            int readSize = 1 + random.nextInt(20_000);
            List<Part> ours = frame(body, readSize);
            List<byte[]> theirs = Reference.contents(body, BOUNDARY);
            assertEquals(theirs.size(), ours.size(), "round " + round);
            for (int i = 0; i < ours.size(); i++) {
                assertArrayEquals(theirs.get(i), ours.get(i).content(), "round " + round + ", part " + i);
            }
        }
    }

    /** commons-fileupload's streaming parser, used directly as the reference. */
    private static final class Reference {
        static List<byte[]> contents(byte[] body, String boundary) throws Exception {
            var input = org.apache.commons.fileupload2.core.MultipartInput.builder()
                    .setInputStream(new ByteArrayInputStream(body))
                    .setBoundary(boundary.getBytes(StandardCharsets.US_ASCII))
                    .get();
            List<byte[]> contents = new ArrayList<>();
            boolean next = input.skipPreamble();
            while (next) {
                input.readHeaders();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                input.readBodyData(out);
                contents.add(out.toByteArray());
                next = input.readBoundary();
            }
            return contents;
        }
    }
}
