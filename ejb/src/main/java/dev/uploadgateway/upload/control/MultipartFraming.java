package dev.uploadgateway.upload.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The framing of a {@code multipart/form-data} body (RFC 7578, RFC 2046 §5.1.1): where each part's
 * headers and content begin and end, read as a stream through one 64 KiB window.
 * <p>
 * Written by hand because the library's framing is the gateway's largest cost: commons-fileupload
 * finds the delimiter with a byte-at-a-time search (about 420 MB/s here, 78–88 % of the gateway's CPU
 * on 50 MiB uploads), and neither Jakarta EE nor that library lets the search be replaced. This
 * class only frames; the header block of each part is still parsed by commons-fileupload
 * ({@link Parser#getParsedHeaders}). The delimiter is found with Boyer–Moore–Horspool, which skips
 * up to its whole length (40–74 bytes) per comparison on file content.
 * <p>
 * Not thread-safe: one request's thread reads it.
 */
final class MultipartFraming {

    /** Largest header block of one part; a longer one is refused as malformed. */
    static final int HEADER_LIMIT = 10 * 1024;
    private static final int WINDOW = 64 * 1024;
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte DASH = '-';

    /** The body does not follow multipart framing (cut short, no delimiter, oversized headers). */
    static final class MalformedException extends IOException {
        MalformedException(String message) {
            super(message);
        }
    }

    /** More bytes than a limit allows; {@code limit} names which. */
    static final class TooLargeException extends IOException {
        TooLargeException(String limit) {
            super(limit);
        }
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final int[] skip = new int[256];
    private final long bodyLimit;
    private final byte[] window = new byte[WINDOW];
    private int head;
    private int tail;
    private boolean eof;
    private long bodyRead;
    /** Where the delimiter search resumes: bytes before it are known not to start a delimiter. */
    private int searchFrom;
    private Content current;
    private boolean finished;

    /**
     * @param boundary the boundary parameter of the Content-Type, 1–70 bytes
     * @param bodyLimit most bytes the whole body may have
     */
    MultipartFraming(InputStream in, byte[] boundary, long bodyLimit) {
        this.in = in;
        this.bodyLimit = bodyLimit;
        delimiter = new byte[boundary.length + 4];
        delimiter[0] = CR;
        delimiter[1] = LF;
        delimiter[2] = DASH;
        delimiter[3] = DASH;
        System.arraycopy(boundary, 0, delimiter, 4, boundary.length);
        Arrays.fill(skip, delimiter.length);
        for (int i = 0; i < delimiter.length - 1; i++) {
            skip[delimiter[i] & 0xff] = delimiter.length - 1 - i;
        }
        // The first delimiter may open the body without a line break before it: the window
        // starts with one, so that every delimiter, the first included, is CRLF "--" boundary.
        window[0] = CR;
        window[1] = LF;
        tail = 2;
    }

    /**
     * Moves to the next part, skipping what is left of the current one; returns its header block
     * (without the blank line that ends it), or null after the closing delimiter.
     */
    String nextPart() throws IOException {
        if (finished) {
            return null;
        }
        if (current == null) {
            // the preamble before the first delimiter, or a part the caller did not open: skipped
            current = new Content(Long.MAX_VALUE);
        }
        current.skipRest();
        if (!afterDelimiter()) {
            finished = true;
            return null;
        }
        String headers = headerBlock();
        current = null;
        return headers;
    }

    /** The content of the part whose headers {@link #nextPart} returned last; ends at its delimiter. */
    InputStream content(long limit) {
        current = new Content(limit);
        return current;
    }

    /**
     * How many bytes of the body have been consumed: after a part's headers, where its content
     * starts. Meaningless before the first delimiter was read.
     */
    long consumed() {
        return bodyRead - (tail - head);
    }

    /**
     * The length of the body's end after the last part's content, as every common client writes it:
     * the delimiter, "--" and a line break.
     */
    int closingLength() {
        return delimiter.length + 4;
    }

    /** After a delimiter: "--" closes the body, CRLF (after optional padding) opens a part. */
    private boolean afterDelimiter() throws IOException {
        if (!fill(2)) {
            throw new MalformedException("the body ends right after a boundary");
        }
        if (window[head] == DASH && window[head + 1] == DASH) {
            head += 2;
            return false;
        }
        while (true) {
            if (!fill(2)) {
                throw new MalformedException("the body ends right after a boundary");
            }
            byte b = window[head];
            if (b == ' ' || b == '\t') {
                head++;
            } else if (b == CR && window[head + 1] == LF) {
                head += 2;
                return true;
            } else {
                throw new MalformedException("a boundary is followed by neither a line break nor \"--\"");
            }
        }
    }

    private String headerBlock() throws IOException {
        if (!fill(2)) {
            throw new MalformedException("the body ends inside a part's headers");
        }
        if (window[head] == CR && window[head + 1] == LF) {
            // a part without headers: the blank line follows the boundary's line break at once
            head += 2;
            searchFrom = head;
            return "";
        }
        int scanned = 0;
        while (true) {
            for (int i = head + scanned; i + 3 < tail; i++) {
                if (window[i] == CR && window[i + 1] == LF && window[i + 2] == CR && window[i + 3] == LF) {
                    if (i - head > HEADER_LIMIT) {
                        break;
                    }
                    String block = new String(window, head, i - head, StandardCharsets.UTF_8);
                    head = i + 4;
                    searchFrom = head;
                    return block;
                }
            }
            scanned = Math.max(0, tail - head - 3);
            if (tail - head > HEADER_LIMIT + 3) {
                throw new MalformedException("a part's headers are longer than " + HEADER_LIMIT + " bytes");
            }
            if (!fill(tail - head + 1)) {
                throw new MalformedException("the body ends inside a part's headers");
            }
        }
    }

    /**
     * Makes at least {@code n} unread bytes available in the window (n ≤ window size), moving the
     * unread bytes to its start when needed; false if the body ends first.
     */
    private boolean fill(int n) throws IOException {
        if (tail - head >= n) {
            return true;
        }
        if (head > 0 && WINDOW - head < n) {
            int unread = tail - head;
            System.arraycopy(window, head, window, 0, unread);
            searchFrom = Math.max(0, searchFrom - head);
            head = 0;
            tail = unread;
        }
        while (tail - head < n && !eof) {
            int read = in.read(window, tail, WINDOW - tail);
            if (read < 0) {
                eof = true;
            } else {
                tail += read;
                bodyRead += read;
                if (bodyRead > bodyLimit) {
                    throw new TooLargeException("body");
                }
            }
        }
        return tail - head >= n;
    }

    /** The index of the next delimiter at or after {@code searchFrom}, or -1; Boyer–Moore–Horspool. */
    private int findDelimiter() {
        int m = delimiter.length;
        int last = m - 1;
        byte lastByte = delimiter[last];
        int i = Math.max(searchFrom, head);
        while (i + last < tail) {
            byte b = window[i + last];
            if (b == lastByte && matchesAt(i)) {
                return i;
            }
            i += skip[b & 0xff];
        }
        // no delimiter starts before i; one may start in the last m - 1 bytes and end beyond tail
        searchFrom = Math.max(head, Math.min(i, tail - last));
        return -1;
    }

    private boolean matchesAt(int i) {
        for (int k = delimiter.length - 2; k >= 0; k--) {
            if (window[i + k] != delimiter[k]) {
                return false;
            }
        }
        return true;
    }

    /** One part's content: the bytes up to the next delimiter, which it consumes at its end. */
    private final class Content extends InputStream {
        private final long limit;
        private long read;
        private boolean ended;

        Content(long limit) {
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            while (true) {
                int at = findDelimiter();
                int available = (at >= 0 ? at : searchFrom) - head;
                if (available > 0) {
                    int n = Math.min(len, available);
                    System.arraycopy(window, head, b, off, n);
                    head += n;
                    read += n;
                    if (read > limit) {
                        throw new TooLargeException("file");
                    }
                    return n;
                }
                if (at >= 0) {
                    head = at + delimiter.length;
                    searchFrom = head;
                    ended = true;
                    return -1;
                }
                if (!fill(tail - head + 1)) {
                    throw new MalformedException("the body ends before the part's closing boundary");
                }
            }
        }

        void skipRest() throws IOException {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // discard
            }
        }
    }
}
