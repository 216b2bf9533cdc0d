package dev.uploadgateway.provider.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.provider.entity.FileContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.http.impl.io.ChunkedOutputStream;
import org.apache.hc.core5.http.impl.io.SessionOutputBufferImpl;
import org.junit.jupiter.api.Test;

/**
 * The upload's body against HttpCore's own chunked framing, written and closed the way
 * {@code DefaultBHttpClientConnection.sendRequestEntity} does (try-with-resources): a body whose
 * content fails must never end with the closing chunk, the mark of a complete request.
 */
class MultipartBodyTest {

    /** A connection: takes bytes until its request is cancelled, after which it is reset. */
    private static final class Connection extends OutputStream {
        final ByteArrayOutputStream wire = new ByteArrayOutputStream();
        final AtomicBoolean reset = new AtomicBoolean();

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            if (reset.get()) {
                throw new IOException("connection reset");
            }
            wire.write(bytes, off, len);
        }

        String sent() {
            return wire.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static Connection sendChunked(FileContent content) throws IOException {
        Connection connection = new Connection();
        MultipartBody body = new MultipartBody("b", "HEAD".getBytes(StandardCharsets.US_ASCII), content,
                () -> connection.reset.compareAndSet(false, true));
        SessionOutputBufferImpl buffer = new SessionOutputBufferImpl(8192);
        try (OutputStream out = new ChunkedOutputStream(buffer, connection, 0)) {
            body.writeTo(out);
        }
        return connection;
    }

    @Test
    void aCompleteChunkedBodyEndsWithTheClosingChunk() throws IOException {
        Connection connection = sendChunked(new FileContent.Live(out -> out.write("abc".getBytes(StandardCharsets.US_ASCII)), -1));

        assertFalse(connection.reset.get());
        assertTrue(connection.sent().endsWith("\r\n--b--\r\n\r\n0\r\n\r\n"), connection.sent());
    }

    @Test
    void aChunkedBodyWhoseContentFailsIsResetBeforeItsClosingChunk() {
        IOException cut = new IOException("the client's body ended early");
        FileContent live = new FileContent.Live(out -> {
            out.write(new byte[100_000]);
            throw cut;
        }, -1);
        Connection connection = new Connection();
        MultipartBody body = new MultipartBody("b", new byte[0], live, () -> connection.reset.compareAndSet(false, true));

        IOException thrown = assertThrows(IOException.class, () -> {
            try (OutputStream out = new ChunkedOutputStream(new SessionOutputBufferImpl(8192), connection, 0)) {
                body.writeTo(out);
            }
        });

        assertSame(cut, thrown, "the content's failure, not the reset connection's");
        assertSame(cut, body.unread());
        assertTrue(connection.reset.get(), "the request was cancelled");
        assertFalse(connection.sent().endsWith("0\r\n\r\n"), "no closing chunk reached the connection");
        assertFalse(connection.sent().contains("--b--"), "nor the form's end");
    }

    @Test
    void aFailedConnectionIsNotTheContentsFailure() {
        Connection connection = new Connection();
        MultipartBody body = new MultipartBody("b", new byte[0], new FileContent.InMemory(new byte[10]), () -> true);
        connection.reset.set(true);

        assertThrows(IOException.class, () -> body.writeTo(connection));
        assertNull(body.unread());
    }

    @Test
    void theLengthIsExactWhenTheContentsIsKnownAndChunkedWhenNot() {
        byte[] head = "HEAD".getBytes(StandardCharsets.US_ASCII);
        MultipartBody known = new MultipartBody("b", head, new FileContent.InMemory(new byte[10]), () -> true);
        MultipartBody live = new MultipartBody("b", head, new FileContent.Live(out -> { }, -1), () -> true);

        assertEquals(4 + 10 + "\r\n--b--\r\n".length(), known.getContentLength());
        assertFalse(known.isChunked());
        assertEquals(-1, live.getContentLength());
        assertTrue(live.isChunked());
        assertEquals("multipart/form-data; boundary=b", known.getContentType());
    }

    @Test
    void aContentThatClosesItsStreamDoesNotEndTheBody() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FileContent closing = new FileContent.Live(o -> {
            o.write('x');
            o.close();
        }, 1);

        new MultipartBody("b", new byte[0], closing, () -> true).writeTo(out);

        assertArrayEquals("x\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII), out.toByteArray());
    }
}
