package dev.uploadgateway.provider.control;

import dev.uploadgateway.provider.entity.FileContent;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * An upload's form as the request entity: the head (the purpose field and the file part's headers),
 * the content, the tail. It is written once, from the calling thread straight to the connection in
 * the content's own buffers, with an exact Content-Length when the content's size is known and
 * chunked when it is not. The content must write exactly what it declared: a Content-Length body
 * that came up short or long would otherwise reach the provider as a complete, wrong file.
 * A body that fails midway cancels its request before the failure leaves {@link #writeTo}: HttpCore
 * closes the entity's stream on the way out, which for a chunked body writes the closing chunk, and
 * the provider would receive a well-framed request cut off before the form's end.
 */
final class MultipartBody extends AbstractHttpEntity {

    private final byte[] head;
    private final FileContent content;
    private final byte[] tail;
    private final Cancellable request;
    /** What the content itself threw, as opposed to the connection it was written to. */
    private volatile Exception unread;

    /** {@code request} is the request that sends this body, cancelled (its connection reset) if the body fails. */
    MultipartBody(String boundary, byte[] head, FileContent content, Cancellable request) {
        super("multipart/form-data; boundary=" + boundary, null, content.size() < 0);
        this.head = head;
        this.content = content;
        this.tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        this.request = request;
    }

    /** The content's own failure, if writing it failed for a reason other than the connection. */
    Exception unread() {
        return unread;
    }

    @Override
    public long getContentLength() {
        return content.size() < 0 ? -1 : head.length + content.size() + tail.length;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try {
            out.write(head);
            Counted counted = new Counted(out, content.size());
            try {
                content.writeTo(counted);
                if (content.size() >= 0 && counted.written != content.size()) {
                    throw new IOException("the content wrote " + counted.written + " of its " + content.size() + " bytes");
                }
            } catch (IOException | RuntimeException e) {
                if (counted.broken == null) {
                    unread = e;
                }
                throw e;
            }
            out.write(tail);
        } catch (IOException | RuntimeException | Error e) {
            request.cancel(); // before HttpCore's close of the stream could end the body as if complete
            throw e;
        }
    }

    @Override
    public InputStream getContent() {
        throw new UnsupportedOperationException("a multipart body is written, not read");
    }

    @Override
    public boolean isRepeatable() {
        return false;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {
        // nothing held: the content opens and closes its own source inside writeTo
    }

    /** Passes the content's bytes on, counting them, and tells a failed connection from a failed source. */
    private static final class Counted extends FilterOutputStream {
        private final long limit;
        long written;
        IOException broken;

        Counted(OutputStream out, long limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            if (limit >= 0 && written + len > limit) {
                throw new IOException("the content wrote more than its " + limit + " bytes");
            }
            try {
                out.write(bytes, off, len);
            } catch (IOException e) {
                broken = e;
                throw e;
            }
            written += len;
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                broken = e;
                throw e;
            }
        }

        /** The tail still follows: a content that closes its stream must not end the request's body. */
        @Override
        public void close() {
            // the connection's stream is closed by the client once the tail is written
        }
    }
}
