package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input gets its own 4xx with an RFC 9457 body and leaves nothing behind: no
 * spool file, no upload record. Requests are written byte by byte where a client library would
 * refuse to send them. The gateway runs with {@code upload.max-bytes=110000000}.
 */
class BadInputIT extends GatewayIT {

    private static final String BOUNDARY = "bad-input-boundary";
    private static final Path SPOOL = Path.of(System.getProperty("gateway.spool.dir"));

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("empty file", file("empty.txt", new byte[0]), 400, "empty-file"),
                Arguments.of("no file part", field("purpose", "file-extract") + "--" + BOUNDARY + "--\r\n", 400, "missing-file"),
                Arguments.of("cut short", "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"x.bin\"\r\n\r\nsome bytes and no closing boundary", 400, "malformed-multipart"),
                Arguments.of("parent path", file("../etc/passwd", "x".getBytes()), 400, "invalid-filename"),
                Arguments.of("absolute path", file("/var/data/report.csv", "x".getBytes()), 400, "invalid-filename"),
                Arguments.of("windows path", file("C:\\\\temp\\\\a.txt", "x".getBytes()), 400, "invalid-filename"),
                Arguments.of("NUL in name", file("evil\u0000.txt", "x".getBytes()), 400, "invalid-filename"),
                Arguments.of("control character", file("bell\u0007.txt", "x".getBytes()), 400, "invalid-filename"),
                Arguments.of("name over 255 bytes", file("n".repeat(256) + ".txt", "x".getBytes()), 400, "invalid-filename"),
                Arguments.of("unknown provider", field("provider", "openai") + file("a.txt", "x".getBytes()), 400, "unknown-provider"),
                Arguments.of("purpose not allowed", field("provider", "kimi") + field("purpose", "fine-tune")
                        + file("a.txt", "x".getBytes()), 400, "purpose-not-allowed"),
                Arguments.of("over the provider's limit", field("provider", "glm") + field("purpose", "retrieval")
                        + file("big.bin", new byte[1_100_000]), 413, "upload-too-large"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void refusesWithItsOwnProblemAndLeavesNothingBehind(String name, String body, int status, String type) throws Exception {
        for (boolean async : new boolean[]{false, true}) {
            Snapshot before = snapshot();
            Raw answer = raw(body.getBytes(StandardCharsets.ISO_8859_1), Keys.forPath(async, 50), null);
            assertProblem(answer, status, type, name);
            assertEquals(before, snapshot(), name + (async ? " (async)" : " (sync)") + " left something behind");
        }
    }

    @Test
    void refusesANameThatIsNotUtf8() throws Exception {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] broken = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '.', 't', 'x', 't'};
        byte[] tail = ("\"\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(head);
        body.write(broken);
        body.write(tail);
        assertProblem(raw(body.toByteArray(), null, null), 400, "invalid-filename", "non-UTF-8 name");
    }

    @Test
    void refusesAnOversizedBodyFromItsContentLengthBeforeReadingIt() throws Exception {
        Snapshot before = snapshot();
        Raw answer = raw(new byte[0], Keys.forPath(true, 50), 5_000_000_000L);
        assertProblem(answer, 413, "upload-too-large", "declared 5 GB");
        assertEquals(before, snapshot());
    }

    @Test
    void refusesAnOversizedExpectContinueUploadWithoutAskingForItsBody() throws Exception {
        Snapshot before = snapshot();
        try (Socket socket = new Socket("127.0.0.1", deployment.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: 5000000000\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long sent = System.nanoTime();
            // no body is sent: a gateway that waited for it (or sent 100 and read on) would time out here
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            Duration untilClosed = Duration.ofNanos(System.nanoTime() - sent);
            assertTrue(response.startsWith("HTTP/1.1 413 "), "the first status line is the 413: " + response);
            RawHttp.Answer answer = RawHttp.parse(response);
            assertEquals("application/problem+json", answer.header("Content-Type"));
            JsonObject problem = Json.createReader(new StringReader(answer.body())).readObject();
            assertTrue(problem.getString("type").endsWith("/upload-too-large"), problem.toString());
            assertTrue(untilClosed.compareTo(Duration.ofSeconds(5)) < 0, "closed after " + untilClosed);
        }
        assertEquals(before, snapshot());
    }

    @Test
    void asksForTheBodyOfAnExpectContinueUploadWithinTheLimit() throws Exception {
        byte[] body = file("expect.txt", "sent after 100 Continue".getBytes(StandardCharsets.US_ASCII))
                .getBytes(StandardCharsets.ISO_8859_1);
        try (Socket socket = new Socket("127.0.0.1", deployment.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST /api/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nExpect: 100-continue\r\n"
                    + "X-Request-Id: " + Keys.forPath(false, 50) + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder interim = new StringBuilder();
            while (interim.indexOf("\r\n\r\n") < 0) {
                int b = in.read();
                assertTrue(b >= 0, "closed before answering: " + interim);
                interim.append((char) b);
            }
            assertTrue(interim.toString().startsWith("HTTP/1.1 100 Continue\r\n"), interim.toString());
            out.write(body);
            out.flush();
            RawHttp.Answer answer = RawHttp.parse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            assertEquals(201, answer.status(), answer.body());
        }
    }

    @Test
    void refusesAnOversizedChunkedBodyByCountingIt() throws Exception {
        Snapshot before = snapshot();
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.bin\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        InputStream endless = new InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent++ < 130_000_000L ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= 130_000_000L) {
                    return -1;
                }
                int n = (int) Math.min(len, 130_000_000L - sent);
                java.util.Arrays.fill(b, off, off + n, (byte) 7);
                sent += n;
                return n;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + deployment.getPort() + "/api/uploads"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("X-Request-Id", Keys.forPath(true, 50))
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofInputStream(() -> endless)))
                .build();
        try {
            GatewayClient.Answer answer = gateway.send(request);
            assertEquals(413, answer.status(), answer.body());
            assertTrue(answer.json().getString("type").endsWith("/upload-too-large"));
        } catch (IOException closedMidBody) {
            // the gateway may close the connection once it has answered 413; what matters is below
        }
        assertEquals(before, snapshot(), "the partial spool file was removed");
    }

    @Test
    void refusesABodyThatIsNotMultipart() throws Exception {
        GatewayClient.Answer answer = gateway.send(HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + deployment.getPort() + "/api/uploads"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(415, answer.status());
        assertEquals("application/problem+json", answer.header("Content-Type"));
    }

    private static String field(String name, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static String file(String filename, byte[] content) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + new String(content, StandardCharsets.ISO_8859_1)
                + "\r\n--" + BOUNDARY + "--\r\n";
    }

    record Raw(int status, String contentType, String body) {
    }

    record Snapshot(long spoolFiles, int records) {
    }

    private Snapshot snapshot() throws Exception {
        long spool;
        try (Stream<Path> files = Files.exists(SPOOL) ? Files.list(SPOOL) : Stream.empty()) {
            spool = files.count();
        }
        int records = gateway.get("api/uploads?limit=500").jsonStructure().asJsonArray().size();
        return new Snapshot(spool, records);
    }

    /** Sends exactly these bytes, with the Content-Length given (or the body's own). */
    private Raw raw(byte[] body, String stickinessKey, Long declaredLength) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", deployment.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String headers = "POST /api/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                    + (stickinessKey == null ? "" : "X-Request-Id: " + stickinessKey + "\r\n")
                    + "Content-Length: " + (declaredLength == null ? body.length : declaredLength) + "\r\n\r\n";
            out.write(headers.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            String contentType = response.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
            String payload = response.substring(response.indexOf("\r\n\r\n") + 4);
            return new Raw(status, contentType, dechunk(payload));
        }
    }

    private static String dechunk(String payload) {
        int brace = payload.indexOf('{');
        int end = payload.lastIndexOf('}');
        return brace >= 0 && end > brace ? payload.substring(brace, end + 1) : payload;
    }

    private static void assertProblem(Raw answer, int status, String type, String what) {
        assertEquals(status, answer.status(), what + ": " + answer.body());
        assertEquals("application/problem+json", answer.contentType(), what);
        JsonObject problem = Json.createReader(new StringReader(answer.body())).readObject();
        assertTrue(problem.getString("type").endsWith("/" + type), what + ": " + problem);
        assertEquals(status, problem.getInt("status"));
        assertTrue(!problem.getString("detail").isBlank());
        assertTrue(!answer.body().contains("Exception") && !answer.body().contains("at dev."), "no stack trace");
    }
}
