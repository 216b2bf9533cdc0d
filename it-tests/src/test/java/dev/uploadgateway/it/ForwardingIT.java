package dev.uploadgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.emulator.ReceivedFile;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The async path forwards a file to the provider while its body is still arriving. Each test writes
 * the request itself on a socket, so it decides when the body's bytes arrive, how it is framed, and
 * where it is cut; the emulator tells what reached it, and when. The gateway runs with
 * {@code upload.async.max-in-flight=8} and no admission wait (src/test/micro/gateway-it.properties).
 */
class ForwardingIT extends GatewayIT {

    private static final String BOUNDARY = "forwarding-it-boundary";
    private static final Duration BOUND = Duration.ofSeconds(30);
    private Set<Path> spoolBefore;

    private static byte[] random(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A multipart body: the fields before the file, the file, the fields after it. */
    private static byte[] body(List<String> before, String filename, byte[] file, List<String> after, String closing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : before) {
            out.writeBytes(field(field));
        }
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(file);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        for (String field : after) {
            out.writeBytes(field(field));
        }
        out.writeBytes(closing.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] body(List<String> before, String filename, byte[] file) {
        return body(before, filename, file, List.of(), "--" + BOUNDARY + "--\r\n");
    }

    /** {@code name=value} as a form field part. */
    private static byte[] field(String nameValue) {
        String[] pair = nameValue.split("=", 2);
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + pair[0] + "\"\r\n\r\n" + pair[1] + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private Socket open() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", deployment.getPort()), 10_000);
        socket.setSoTimeout((int) BOUND.toMillis());
        return socket;
    }

    private String head(String framing) {
        return "POST /api/uploads HTTP/1.1\r\nHost: 127.0.0.1:" + deployment.getPort() + "\r\nConnection: close\r\n"
                + "X-Request-Id: " + Keys.forPath(true, 50) + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n" + framing + "\r\n";
    }

    /** The whole request at once, framed by Content-Length; the gateway's answer. */
    private RawHttp.Answer post(byte[] body) throws IOException {
        try (Socket socket = open()) {
            socket.getOutputStream().write(head("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            return answer(socket);
        }
    }

    /** The request head, then {@code body} in chunks of {@code piece} bytes and the last chunk. */
    private void sendChunked(OutputStream out, byte[] body, int piece) throws IOException {
        out.write(head("Transfer-Encoding: chunked\r\n").getBytes(StandardCharsets.US_ASCII));
        for (int at = 0; at < body.length; at += piece) {
            int n = Math.min(piece, body.length - at);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, n);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static RawHttp.Answer answer(Socket socket) throws IOException {
        return RawHttp.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
    }

    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(BOUND).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
    }

    /** The spool files there are now: other tests' failed uploads keep theirs for inspection. */
    private static Set<Path> spoolFiles() {
        Path spool = Path.of("target", "gateway-data", "spool");
        if (!Files.isDirectory(spool)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.collect(Collectors.toSet());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Spool files that were not there before the test. */
    private long newSpoolFiles() {
        Set<Path> now = new HashSet<>(spoolFiles());
        now.removeAll(spoolBefore);
        return now.size();
    }

    @BeforeEach
    void noteTheSpool() {
        spoolBefore = spoolFiles();
    }

    @Test
    void theProviderReceivesTheFileWhileTheClientIsStillSendingIt() throws Exception {
        byte[] file = random(4 * 1024 * 1024, 1);
        byte[] body = body(List.of("provider=kimi", "purpose=file-extract"), "live.bin", file);
        int half = body.length / 2;
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, half);
            out.flush();
            await("the emulator receiving the first half", () -> emulator.receivingBytes() >= 1024 * 1024);
            assertTrue(emulator.received().isEmpty(), "nothing is stored before the body's end");
            out.write(body, half, body.length - half);
            out.flush();
            RawHttp.Answer answer = answer(socket);
            assertEquals(201, answer.status(), answer.body());
            JsonObject upload = jakarta.json.Json.createReader(new java.io.StringReader(answer.body())).readObject();
            assertEquals("async", upload.getString("path"));
            assertEquals(1, upload.getInt("attempts"), "the forwarded attempt delivered it");
            assertEquals(sha256(file), upload.getString("sha256"));
        }
        ReceivedFile received = emulator.bySha256(sha256(file)).orElseThrow();
        assertEquals(file.length, received.bytes(), "byte-identical");
        assertEquals("content-length", received.framing(), "a declared body whose fields came first: its exact length");
        assertEquals(1, emulator.requestCount());
        await("the spool file removed", () -> newSpoolFiles() == 0);
    }

    /**
     * The provider resets the forwarded request after 64 KiB while the client is still sending: the
     * gateway keeps receiving onto the spool, sends nothing again before the body is complete, then
     * delivers the file from the spool once, byte-identical.
     */
    @Test
    void aProviderFailingMidStreamIsRetriedFromTheSpoolOnceTheBodyIsComplete() throws Exception {
        byte[] file = random(2 * 1024 * 1024, 9);
        byte[] body = body(List.of("provider=kimi", "purpose=file-extract"), "reset.bin", file);
        emulator.resetNext(1);
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            await("the forwarded attempt reaching the provider", () -> emulator.requestCount() == 1);
            Thread.sleep(1_000);
            assertEquals(1, emulator.requestCount(), "no second attempt while the body is still arriving");
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            RawHttp.Answer answer = answer(socket);
            assertEquals(201, answer.status(), answer.body());
            assertTrue(answer.body().contains("\"attempts\":2"), answer.body());
        }
        assertEquals(2, emulator.requestCount());
        assertEquals(1, emulator.countBySha256(sha256(file)), "delivered once, byte-identical");
    }

    /** curl -F file=@… -F purpose=…: the purpose after the file, so the file's length is known only at its end. */
    @Test
    void aFileBeforeItsPurposeIsForwardedChunkedAndDeliveredByThatAttempt() throws Exception {
        byte[] file = random(1024 * 1024, 7);
        byte[] body = body(List.of("provider=kimi"), "file-first.bin", file, List.of("purpose=file-extract"),
                "--" + BOUNDARY + "--\r\n");
        RawHttp.Answer answer = post(body);
        assertEquals(201, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"attempts\":1"), answer.body());
        ReceivedFile received = emulator.bySha256(sha256(file)).orElseThrow();
        assertEquals("chunked", received.framing());
        assertEquals(1, emulator.requestCount(), "the forwarded attempt delivered it: nothing was sent twice");
        assertEquals(0, emulator.incompleteBodies());
    }

    @Test
    void aChunkedBodyIsForwardedChunked() throws Exception {
        byte[] file = random(512 * 1024, 2);
        byte[] body = body(List.of("provider=kimi", "purpose=file-extract"), "chunked.bin", file);
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            sendChunked(out, body, 100_000);
            RawHttp.Answer answer = answer(socket);
            assertEquals(201, answer.status(), answer.body());
        }
        ReceivedFile received = emulator.bySha256(sha256(file)).orElseThrow();
        assertEquals(file.length, received.bytes());
        assertEquals("chunked", received.framing(), "a body of unknown length is forwarded chunked");
    }

    /**
     * Ten clients, more than the async path's eight places, each cut off after half its file while
     * the gateway forwards it: the provider stores none of them, no record or spool file is left,
     * and every place is given back (a leak would refuse the upload after them with 503).
     */
    @Test
    void aClientThatGoesAwayMidBodyAbortsTheForwardAndLeavesNothing() throws Exception {
        byte[] file = random(1024 * 1024, 3);
        byte[] body = body(List.of("provider=kimi"), "cut.bin", file);
        for (int i = 1; i <= 10; i++) {
            try (Socket socket = open()) {
                OutputStream out = socket.getOutputStream();
                out.write(head("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, body.length / 2);
                out.flush();
                await("the forward under way", () -> emulator.receivingBytes() > 0);
                socket.setSoLinger(true, 0); // a reset, as a client that dies
            }
            int cut = i;
            await("the forwarded request aborted", () -> emulator.receiving() == 0 && emulator.incompleteBodies() == cut);
        }
        assertTrue(emulator.received().isEmpty(), "the provider stored no truncated file");
        await("no spool file left", () -> newSpoolFiles() == 0);
        assertTrue(gateway.get("api/uploads?limit=50").jsonStructure().asJsonArray().stream()
                .noneMatch(u -> u.asJsonObject().getString("filename").equals("cut.bin")), "no record was committed");
        byte[] next = random(64 * 1024, 4);
        try (Socket socket = open()) {
            byte[] whole = body(List.of("provider=kimi"), "after.bin", next);
            socket.getOutputStream().write(head("Content-Length: " + whole.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(whole);
            RawHttp.Answer answer = answer(socket);
            assertEquals(201, answer.status(), "every place was given back: " + answer.body());
        }
    }

    /**
     * A chunked body declares no length, so only its end shows it is over the provider's limit for the
     * purpose (GLM retrieval: 1 000 000 bytes in the tests): refused with 413, and the attempt that
     * was forwarding it never completes.
     */
    @Test
    void aChunkedBodyOverTheProvidersLimitIsRefusedAndNeverStored() throws Exception {
        byte[] file = random(1_500_000, 8);
        byte[] body = body(List.of("provider=glm", "purpose=retrieval"), "too-big.bin", file);
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            sendChunked(out, body, 200_000);
            RawHttp.Answer answer = answer(socket);
            assertEquals(413, answer.status(), answer.body());
        }
        await("the forwarded request ended", () -> emulator.receiving() == 0);
        assertEquals(emulator.requestCount(), emulator.incompleteBodies(), "whatever was forwarded never completed");
        assertTrue(emulator.received().isEmpty());
        await("no spool file left", () -> newSpoolFiles() == 0);
    }

    @Test
    void aBodyWithoutItsClosingBoundaryIsRefusedAndNeverStored() throws Exception {
        byte[] file = random(1024 * 1024, 5);
        byte[] body = body(List.of("provider=kimi"), "malformed.bin", file, List.of(), "--not-the-boundary--\r\n");
        RawHttp.Answer answer = post(body);
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("malformed-multipart"), answer.body());
        await("the forwarded request aborted", () -> emulator.receiving() == 0 && emulator.incompleteBodies() == 1);
        assertTrue(emulator.received().isEmpty());
    }

    /**
     * A purpose that comes after the file part changes what the file is sent as: the attempt started
     * with the default purpose is abandoned before its end, and the spooled file goes with the
     * purpose the form asked for, once.
     */
    @Test
    void aFieldAfterTheFileThatChangesThePurposeIsHonoured() throws Exception {
        byte[] file = random(256 * 1024, 6);
        byte[] body = body(List.of("provider=kimi"), "late-purpose.bin", file, List.of("purpose=image"),
                "--" + BOUNDARY + "--\r\n");
        RawHttp.Answer answer = post(body);
        assertEquals(201, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"purpose\":\"image\""), answer.body());
        ReceivedFile received = emulator.bySha256(sha256(file)).orElseThrow();
        assertEquals("image", received.purpose());
        assertEquals(1, emulator.countBySha256(sha256(file)));
        await("the abandoned attempt ended", () -> emulator.receiving() == 0);
        // the attempt with the default purpose may have been stopped before it reached the emulator
        // (its body here arrives in one piece); if it did reach it, it never completed
        assertEquals(emulator.requestCount() - 1, emulator.incompleteBodies(), "requests beside the delivery");
    }

}
