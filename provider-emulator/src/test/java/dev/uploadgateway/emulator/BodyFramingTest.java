package dev.uploadgateway.emulator;

import static dev.uploadgateway.emulator.EmulatorClient.KIMI;
import static dev.uploadgateway.emulator.EmulatorClient.KIMI_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bodies as the wire frames them: by Content-Length or chunked, and cut short before their end. */
class BodyFramingTest {

    private static final String BOUNDARY = "b0undary";
    private static final byte[] FILE = "0123456789".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
    private static ProviderEmulator emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = ProviderEmulator.builder().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
    }

    private static byte[] head() {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nfile-extract\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] tail() {
        return ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String requestHead(String framing) {
        return "POST " + KIMI + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + KIMI_KEY
                + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n" + framing + "\r\n";
    }

    private static String answer(Socket socket) throws Exception {
        socket.shutdownOutput();
        try (InputStream in = socket.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void aChunkedBodyIsTakenAndRecordedAsChunked() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), emulator.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(requestHead("Transfer-Encoding: chunked\r\nConnection: close\r\n").getBytes(StandardCharsets.US_ASCII));
                for (byte[] piece : new byte[][]{head(), FILE, tail()}) {
                    out.write((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(piece);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answer = answer(socket);
                assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            }
            assertEquals(1, emulator.received().size());
            assertEquals("chunked", emulator.received().get(0).framing());
            assertEquals(FILE.length, emulator.received().get(0).bytes());
        });
    }

    @Test
    void aBodyCutShortIsCountedWhileArrivingAndNeverStored() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            int length = head().length + FILE.length + tail().length;
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), emulator.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(requestHead("Content-Length: " + length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(head());
                out.write(FILE, 0, FILE.length / 2);
                out.flush();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (emulator.receivingBytes() < FILE.length / 2 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(1, emulator.receiving(), "the body is arriving");
                assertTrue(emulator.receivingBytes() >= FILE.length / 2, "bytes so far: " + emulator.receivingBytes());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (emulator.receiving() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, emulator.receiving());
            assertEquals(0, emulator.receivingBytes());
            assertEquals(1, emulator.incompleteBodies());
            assertTrue(emulator.received().isEmpty(), "a truncated file is never stored");
        });
    }
}
