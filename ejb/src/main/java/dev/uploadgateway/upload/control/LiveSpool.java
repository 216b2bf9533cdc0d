package dev.uploadgateway.upload.control;

import dev.uploadgateway.provider.entity.FileContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A spool file that is read while it is written, so the async path forwards a body while it is
 * still arriving. The request thread appends the file part (hashing it) and, at its end, finishes
 * the file; one follower, the first delivery attempt, streams what is on the spool to the provider
 * and waits for more when it has caught up. The follower ends its body only when the upload has
 * been taken on ({@link #release()}); anything that stops the upload before that ({@link #abort})
 * makes it fail, so the provider never receives a whole body for an upload the gateway refused or
 * lost. The spool stays the one buffer: a follower that is slow or starts late reads from disk
 * (the page cache) and never holds the request thread back.
 * <p>
 * Hand-written: a pipe would couple the client to the provider's pace, and neither the platform nor
 * a library offers a file that can be tailed with an end decided by a third party.
 */
public final class LiveSpool implements FileContent.Source {

    /** A follower that sees nothing happen for this long gives up: a safety net, as the intake always ends in finish or abort. */
    private static final long STALL_NANOS = TimeUnit.MINUTES.toNanos(10);

    private enum State { RECEIVING, RECEIVED, RELEASED, ABORTED }

    private final Path file;
    private final FileChannel out;
    private final MessageDigest digest;
    private final long expected;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long written;
    private State state = State.RECEIVING;
    private String abortReason;
    private boolean followerWaiting;

    /**
     * @param expected the file's length as the request's framing predicts it, or -1 when unknown;
     *                 a follower never sends more, and ends only if the file has exactly that length
     */
    LiveSpool(Path file, MessageDigest digest, long expected) throws IOException {
        this.file = file;
        this.digest = digest;
        this.expected = expected;
        this.out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    Path file() {
        return file;
    }

    /** The predicted length, or -1. */
    long expected() {
        return expected;
    }

    /** Copies {@code in} to its end onto the spool; returns the bytes copied. */
    long copy(InputStream in) throws IOException {
        byte[] buffer = new byte[FileContent.CHUNK];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            append(buffer, n);
        }
        return written;
    }

    private void append(byte[] bytes, int n) throws IOException {
        digest.update(bytes, 0, n);
        ByteBuffer chunk = ByteBuffer.wrap(bytes, 0, n);
        while (chunk.hasRemaining()) {
            out.write(chunk);
        }
        lock.lock();
        try {
            written += n;
            if (followerWaiting) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The file part has ended: closes the file (forced to disk with {@code durable}) and returns it.
     * A length other than the predicted one aborts the follower: what it sent cannot be completed.
     */
    Spool.Written finish(boolean durable) throws IOException {
        try (out) {
            if (durable) {
                out.force(true);
            }
        }
        lock.lock();
        try {
            if (state == State.RECEIVING) {
                if (expected >= 0 && written != expected) {
                    stop("the file part has " + written + " bytes where the request's framing predicted " + expected);
                } else {
                    state = State.RECEIVED;
                    changed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        return new Spool.Written(new FileContent.Spooled(file, written), written, HexFormat.of().formatHex(digest.digest()));
    }

    /** The upload was taken on: the follower may end the body once it has sent every byte. */
    void release() {
        lock.lock();
        try {
            if (state == State.RECEIVED) {
                state = State.RELEASED;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the follower: the body it sends fails before its end. No effect once released. Returns
     * whether this call stopped it (false if it was released or stopped already).
     */
    boolean abort(String reason) {
        lock.lock();
        try {
            return stop(reason);
        } finally {
            lock.unlock();
        }
    }

    /** Closes the file if the intake ended without finishing it; the caller deletes it. */
    void close() {
        try {
            out.close();
        } catch (IOException e) {
            // closing a file the intake gave up on: nothing is lost that was not lost already
        }
    }

    /** Whether the follower was stopped before the upload was released, and why (else null). */
    String aborted() {
        lock.lock();
        try {
            return state == State.ABORTED ? abortReason : null;
        } finally {
            lock.unlock();
        }
    }

    private boolean stop(String reason) {
        if (state == State.RELEASED || state == State.ABORTED) {
            return false;
        }
        state = State.ABORTED;
        abortReason = reason;
        changed.signalAll();
        return true;
    }

    /** The follower: streams the spool to {@code target} as it grows, ending when released. */
    @Override
    public void writeTo(OutputStream target) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] buffer = new byte[FileContent.CHUNK];
            ByteBuffer view = ByteBuffer.wrap(buffer);
            long position = 0;
            while (true) {
                long available = awaitBeyond(position);
                if (available < 0) {
                    return;
                }
                if (expected >= 0 && position + available > expected) {
                    abort("the file part is longer than the request's framing predicted (" + expected + " bytes)");
                    throw new IOException(aborted());
                }
                view.clear().limit((int) Math.min(buffer.length, available));
                int n = in.read(view, position);
                if (n <= 0) {
                    throw new IOException("the spool file ended at " + position + " of " + (position + available) + " bytes");
                }
                target.write(buffer, 0, n);
                position += n;
            }
        }
    }

    /** Waits until bytes beyond {@code position} are on the spool (returns how many) or the body may end (-1). */
    private long awaitBeyond(long position) throws IOException {
        lock.lock();
        try {
            long deadline = System.nanoTime() + STALL_NANOS;
            while (true) {
                if (state == State.ABORTED) {
                    throw new IOException("the upload's body was not taken on: " + abortReason);
                }
                if (written > position) {
                    return written - position;
                }
                if (state == State.RELEASED) {
                    return -1;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    stop("nothing arrived for " + TimeUnit.NANOSECONDS.toMinutes(STALL_NANOS) + " minutes");
                    continue;
                }
                followerWaiting = true;
                try {
                    changed.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for the client's next bytes");
                } finally {
                    followerWaiting = false;
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
