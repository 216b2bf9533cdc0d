package dev.uploadgateway.upload.control;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
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
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Watches every request body while it is read, so a slow or silent client cannot keep a request
 * thread: a body that sends nothing for {@code upload.read-idle-timeout-seconds}, or less than
 * {@code upload.min-bytes-per-second} on average over such a span of waiting for it, is cut with
 * 408 (the defaults follow Apache's mod_reqtimeout, {@code body=20,MinRate=500}); only time spent
 * blocked in a read counts, never time the gateway itself was busy elsewhere. A blocked read is woken by
 * interrupting its thread, only while that thread is inside the read. Written by hand: Grizzly's
 * own read timeout knows idleness only, and a byte a second keeps it happy forever.
 */
@ApplicationScoped
public class BodyWatch {

    private static final long TICK_MILLIS = 250;
    /** A body is not judged "slowest" before it had this long to get going. */
    static final long EVICTION_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    @Inject
    @ConfigProperties
    UploadSettings settings;
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
        Watched w = new Watched(body);
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
                .filter(w -> !w.cut && w.waited(now) >= EVICTION_GRACE_NANOS && w.rate(now) < settings.minBytesPerSecond)
                .min(Comparator.comparingDouble(w -> w.rate(now)));
        slowest.ifPresent(w -> w.cut("it sent " + w.bytes + " bytes in " + w.seconds(now) + " s of waiting for it,"
                + " below " + settings.minBytesPerSecond + " bytes/s (upload.min-bytes-per-second), while other uploads waited"));
        return slowest.isPresent();
    }

    /**
     * Why {@code w} should be cut now, if it should. Only time the gateway spent waiting inside a
     * read counts against the client: a body the gateway did not read meanwhile (its thread waited
     * for admission or heap room, wrote the spool, delivered) was not the client's delay.
     */
    Optional<String> verdict(Watched w, long now) {
        long idleNanos = TimeUnit.SECONDS.toNanos(settings.readIdleTimeoutSeconds);
        if (w.blockedFor(now) >= idleNanos) {
            return Optional.of("it sent nothing for " + settings.readIdleTimeoutSeconds + " s (upload.read-idle-timeout-seconds)");
        }
        long waited = w.waited(now);
        if (waited - w.windowWaited >= idleNanos) {
            long sent = w.bytes - w.windowBytes;
            if (sent < settings.minBytesPerSecond * settings.readIdleTimeoutSeconds) {
                return Optional.of("it sent " + sent + " bytes in " + settings.readIdleTimeoutSeconds + " s, below " + settings.minBytesPerSecond
                        + " bytes/s (upload.min-bytes-per-second)");
            }
            w.windowWaited = waited;
            w.windowBytes = w.bytes;
        }
        return Optional.empty();
    }

    /** A body under watch. Read by its request thread; judged and cut by the timer. */
    public final class Watched extends FilterInputStream {
        private final Object lock = new Object();
        private Thread reader;
        volatile long bytes;
        /** Time spent inside reads that have returned; with the read in progress, what the client cost. */
        private volatile long readNanos;
        /** When the read in progress began; meaningful while {@link #inRead}. */
        private volatile long readStartedAt;
        private volatile boolean inRead;
        long windowWaited;
        long windowBytes;
        private volatile boolean cut;
        private String why;

        private Watched(InputStream in) {
            super(in);
        }

        /** How long the gateway has waited for this client inside reads, the current one included. */
        long waited(long now) {
            return readNanos + blockedFor(now);
        }

        /** How long the read in progress has been waiting for a byte; 0 outside a read. */
        long blockedFor(long now) {
            return inRead ? now - readStartedAt : 0;
        }

        double rate(long now) {
            return bytes / Math.max(1e-3, waited(now) / 1e9);
        }

        long seconds(long now) {
            return TimeUnit.NANOSECONDS.toSeconds(waited(now));
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
                readStartedAt = clock.getAsLong();
                inRead = true;
            }
        }

        /** Leaves the read; if the body was cut meanwhile, the thread's interrupt is taken back and the read fails. */
        private void leave() {
            synchronized (lock) {
                reader = null;
                inRead = false;
                readNanos += clock.getAsLong() - readStartedAt;
                if (cut) {
                    Thread.interrupted();
                    done();
                    throw tooSlow();
                }
            }
        }

        private Refused tooSlow() {
            return new Refused(ProblemType.REQUEST_BODY_TOO_SLOW, "The gateway stopped "
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
