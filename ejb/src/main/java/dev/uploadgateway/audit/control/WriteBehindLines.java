package dev.uploadgateway.audit.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JSON lines written behind their callers: {@link #append} hands a line to a bounded queue and
 * returns at once, and one writer thread takes what has queued every flush interval and appends it
 * in order with one write. At most {@code capacity} lines are handed off and not yet written; a line
 * that finds the queue full is dropped and counted, as is a batch whose write failed, and the writer
 * logs the count at most once a minute. {@link #close} writes what is still queued.
 */
public class WriteBehindLines implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WriteBehindLines.class.getName());
    /** Lines per write at most, so one write stays a few hundred KiB. */
    static final int BATCH_LINES = 1024;
    static final long REPORT_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final String name;
    private final Consumer<List<String>> sink;
    private final int capacity;
    private final long flushNanos;
    private final Thread writer;
    // Hand-written: the JDK's bounded queues lock on every offer, so a counter bounds this lock-free one.
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    /** Lines handed off and not yet written (queued or in the write under way). */
    private final AtomicInteger unwritten = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    /** Held by whoever writes: the writer thread, and {@link #close} after it. Callers never take it. */
    private final ReentrantLock writing = new ReentrantLock();
    private volatile boolean closed;
    private volatile String lastFailure;
    private long reportedLost;
    private long reportedAt = System.nanoTime() - REPORT_NANOS;

    public WriteBehindLines(JsonLines file, int capacity, Duration flushInterval, ThreadFactory threads) {
        this(file.file().toString(), file::append, capacity, flushInterval, threads);
    }

    WriteBehindLines(String name, Consumer<List<String>> sink, int capacity, Duration flushInterval,
                     ThreadFactory threads) {
        if (capacity < 1 || flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("need a capacity of 1 or more and a positive flush interval, were "
                    + capacity + " and " + flushInterval);
        }
        this.name = name;
        this.sink = sink;
        this.capacity = capacity;
        this.flushNanos = flushInterval.toNanos();
        this.writer = threads.newThread(this::run);
        writer.setName("write-behind " + name);
        writer.setDaemon(true); // close() drains; a forgotten close must not keep the JVM alive
    }

    public void start() {
        writer.start();
    }

    /**
     * Hands {@code json} to the writer without waiting; false when the queue was full and the line
     * was dropped (and counted). After {@link #close} the line is written before this returns (only
     * then may it wait, for a write under way).
     */
    public boolean append(String json) {
        JsonLines.line(json);
        if (unwritten.incrementAndGet() > capacity) {
            unwritten.decrementAndGet();
            dropped.increment();
            return false;
        }
        queue.offer(json);
        if (closed) {
            writeQueued(); // close has drained already, or drains after this: either way the line is written
        }
        return true;
    }

    private void run() {
        while (!closed && !Thread.currentThread().isInterrupted()) {
            long due = System.nanoTime() + flushNanos;
            for (long left = flushNanos; left > 0 && !closed && !Thread.currentThread().isInterrupted();
                 left = due - System.nanoTime()) {
                LockSupport.parkNanos(this, left); // until the interval is over, or close() unparks
            }
            writeQueued();
            report(false);
        }
        writeQueued(); // interrupted by the container before close: what has queued is still written
        report(true);
    }

    /** Writes what is queued, oldest first, in batches; one writer at a time. */
    void writeQueued() {
        boolean interrupted = Thread.interrupted(); // an interrupted thread's FileChannel closes itself
        writing.lock();
        try {
            List<String> batch = new ArrayList<>();
            for (String line = queue.poll(); line != null; line = queue.poll()) {
                batch.add(line);
                if (batch.size() == BATCH_LINES) {
                    write(batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                write(batch);
            }
        } finally {
            writing.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void write(List<String> batch) {
        try {
            sink.accept(batch);
        } catch (RuntimeException e) {
            failed.add(batch.size());
            lastFailure = e.toString();
        } finally {
            unwritten.addAndGet(-batch.size());
        }
    }

    /** Logs the lines lost since the last report, at most once a minute unless {@code now}. */
    private synchronized void report(boolean now) {
        long lost = lost();
        long at = System.nanoTime();
        if (lost > reportedLost && (now || at - reportedAt >= REPORT_NANOS)) {
            long since = lost - reportedLost;
            String failure = lastFailure == null ? "" : ", the last because " + lastFailure;
            LOG.log(Level.WARNING, () -> "The trail " + name + " lost " + since + " line(s) since the last"
                    + " report: " + dropped.sum() + " in all dropped with its queue of " + capacity + " lines full, "
                    + failed.sum() + " in all not written" + failure);
            reportedLost = lost;
            reportedAt = at;
        }
    }

    /**
     * Stops the writer and writes what is still queued; waits at most {@code timeout} for a write under
     * way, and says how many lines it left unwritten if that was not enough.
     */
    public void close(Duration timeout) {
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join(Math.max(1, timeout.toMillis()));
            if (writing.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    writeQueued();
                } finally {
                    writing.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (unwritten.get() > 0) {
            LOG.log(Level.WARNING, "The trail {0} closed with {1} line(s) not written: its write did not end in {2}",
                    new Object[]{name, unwritten.get(), timeout});
        }
        report(true);
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    /** Lines handed off and not yet written. */
    public int unwritten() {
        return unwritten.get();
    }

    /** Lines lost since start: dropped on a full queue, or whose write failed. */
    public long lost() {
        return dropped.sum() + failed.sum();
    }
}
