package dev.uploadgateway.provider.control;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The provider exchanges in progress, checked on a timer: one whose thread was interrupted (Fault
 * Tolerance's {@code @Timeout} ending an attempt) or whose request timeout has passed is cancelled,
 * which closes its connection and so fails the read or write it is blocked in. Blocking socket I/O
 * in Java 17 does not notice an interrupt, and a socket timeout bounds one read, not a whole
 * exchange nor a write to a provider that stopped reading.
 */
final class ExchangeWatch {

    /** Why an exchange was cancelled. */
    enum Abort { INTERRUPTED, TIMED_OUT }

    /** How often the exchanges are checked, so an interrupted attempt ends within about this long. */
    static final long TICK_MILLIS = 50;

    private static final Logger LOG = Logger.getLogger(ExchangeWatch.class.getName());

    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();

    /** Watches {@code exchange}, run by the calling thread, until the returned handle is closed. */
    Watched watch(Cancellable exchange, Duration timeout) {
        Watched w = new Watched(Thread.currentThread(), exchange, System.nanoTime() + timeout.toNanos());
        watched.add(w);
        return w;
    }

    void check() {
        check(System.nanoTime());
    }

    void check(long now) {
        for (Watched w : watched) {
            if (w.thread.isInterrupted()) {
                w.abort(Abort.INTERRUPTED);
            } else if (now - w.deadline >= 0) {
                w.abort(Abort.TIMED_OUT);
            }
        }
    }

    /** One exchange under watch. */
    final class Watched implements AutoCloseable {
        private final Thread thread;
        private final Cancellable exchange;
        private final long deadline;
        private volatile Abort aborted;

        private Watched(Thread thread, Cancellable exchange, long deadline) {
            this.thread = thread;
            this.exchange = exchange;
            this.deadline = deadline;
        }

        /** Why the watch cancelled the exchange, or null while it did not. */
        Abort aborted() {
            return aborted;
        }

        private void abort(Abort why) {
            if (aborted != null) {
                return;
            }
            aborted = why;
            try {
                exchange.cancel();
            } catch (RuntimeException e) {
                // the timer must go on for the other exchanges; this one's thread still sees its failure
                LOG.log(Level.WARNING, "Cancelling a provider exchange failed", e);
            }
        }

        @Override
        public void close() {
            watched.remove(this);
        }
    }
}
