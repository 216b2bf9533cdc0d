package dev.uploadgateway.upload.control;

import dev.uploadgateway.upload.entity.UploadRejected;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Watches every request body while it is read, so a slow or silent client cannot keep a request
 * thread: a body that sends nothing for {@code upload.read-idle-timeout-seconds}, or less than
 * {@code upload.min-bytes-per-second} on average over such a span, is cut with 408 (the defaults
 * follow Apache's mod_reqtimeout, {@code body=20,MinRate=500}). A blocked read is woken by
 * interrupting its thread, only while that thread is inside the read. Written by hand: Grizzly's
 * own read timeout knows idleness only, and a byte a second keeps it happy forever.
 */
@ApplicationScoped
public class BodyWatch {

    private static final long TICK_MILLIS = 250;
    /** A body is not judged "slowest" before it had this long to get going. */
    static final long EVICTION_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    @Inject
    @ConfigProperty(name = "upload.read-idle-timeout-seconds")
    long idleSeconds;
    @Inject
    @ConfigProperty(name = "upload.min-bytes-per-second")
    long minBytesPerSecond;
    @Resource
    ManagedScheduledExecutorService scheduler;

    LongSupplier clock = System::nanoTime;
    private final Set<Watched> reading = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> ticks;

    @PostConstruct
    void start() {
        if (scheduler != null) {
            ticks = scheduler.scheduleAtFixedRate(this::check, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    /** {@code body}, watched from now until it is closed or read to its end. */
    public Watched watch(InputStream body) {
        Watched w = new Watched(body, clock.getAsLong());
        reading.add(w);
        return w;
    }

    /** Bodies being read now. */
    public int reading() {
        return reading.size();
    }

    /** Cuts every body that is idle too long or below the minimum rate; run on a timer. */
    void check() {
        long now = clock.getAsLong();
        for (Watched w : reading) {
            verdict(w, now).ifPresent(w::cut);
        }
    }

    /**
     * Makes room for a new upload when request threads are short: cuts the slowest body whose
     * average rate so far is below the minimum, if there is one. Whether one was cut.
     */
    public boolean cutSlowest() {
        long now = clock.getAsLong();
        Optional<Watched> slowest = reading.stream()
                .filter(w -> !w.cut && now - w.startedAt >= EVICTION_GRACE_NANOS && w.rate(now) < minBytesPerSecond)
                .min(Comparator.comparingDouble(w -> w.rate(now)));
        slowest.ifPresent(w -> w.cut("it sent " + w.bytes + " bytes in " + w.seconds(now) + " s, below "
                + minBytesPerSecond + " bytes/s (upload.min-bytes-per-second), while other uploads waited"));
        return slowest.isPresent();
    }

    /** Why {@code w} should be cut now, if it should. */
    Optional<String> verdict(Watched w, long now) {
        long idleNanos = TimeUnit.SECONDS.toNanos(idleSeconds);
        if (now - w.lastByteAt >= idleNanos) {
            return Optional.of("it sent nothing for " + idleSeconds + " s (upload.read-idle-timeout-seconds)");
        }
        if (now - w.windowStart >= idleNanos) {
            long sent = w.bytes - w.windowBytes;
            if (sent < minBytesPerSecond * idleSeconds) {
                return Optional.of("it sent " + sent + " bytes in " + idleSeconds + " s, below " + minBytesPerSecond
                        + " bytes/s (upload.min-bytes-per-second)");
            }
            w.windowStart = now;
            w.windowBytes = w.bytes;
        }
        return Optional.empty();
    }

    /** A body under watch. Read by its request thread; judged and cut by the timer. */
    public final class Watched extends FilterInputStream {
        private final long startedAt;
        private Thread reader;
        private final Object lock = new Object();
        volatile long bytes;
        volatile long lastByteAt;
        long windowStart;
        long windowBytes;
        private volatile boolean cut;
        private String why;

        private Watched(InputStream in, long now) {
            super(in);
            this.startedAt = now;
            this.lastByteAt = now;
            this.windowStart = now;
        }

        double rate(long now) {
            return bytes / Math.max(1e-3, (now - startedAt) / 1e9);
        }

        long seconds(long now) {
            return TimeUnit.NANOSECONDS.toSeconds(now - startedAt);
        }

        void cut(String reason) {
            synchronized (lock) {
                if (cut) {
                    return;
                }
                cut = true;
                why = reason;
                if (reader != null) {
                    reader.interrupt();
                }
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            enter();
            int n;
            try {
                n = super.read(buffer, off, len);
            } catch (IOException | RuntimeException e) {
                leave();
                throw e;
            }
            leave();
            if (n > 0) {
                bytes += n;
                lastByteAt = clock.getAsLong();
            } else if (n < 0) {
                done();
            }
            return n;
        }

        private void enter() {
            synchronized (lock) {
                if (cut) {
                    throw tooSlow();
                }
                reader = Thread.currentThread();
            }
        }

        /** Leaves the read; if the body was cut meanwhile, the thread's interrupt is taken back and the read fails. */
        private void leave() {
            synchronized (lock) {
                reader = null;
                if (cut) {
                    Thread.interrupted();
                    done();
                    throw tooSlow();
                }
            }
        }

        private UploadRejected tooSlow() {
            return new UploadRejected(408, "request-body-too-slow", "Request body too slow", "The gateway stopped "
                    + "reading the body because " + why + ". Send the body at a steady rate, or retry on a better link.");
        }

        private void done() {
            reading.remove(this);
        }

        /** Stops watching; the container closes the request's stream itself. */
        @Override
        public void close() {
            done();
        }
    }
}
