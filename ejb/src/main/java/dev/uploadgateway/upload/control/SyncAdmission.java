package dev.uploadgateway.upload.control;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import dev.uploadgateway.upload.entity.GatewayBusy;
import dev.uploadgateway.upload.entity.RequestSize;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Admits sync uploads against {@link HeapBudget}: {@code upload.sync.heap-share} of the maximum
 * heap, twice the body per upload, reserved from the declared Content-Length before a byte is read
 * (a body without one reserves as it is read). An upload that can never fit is refused with 503
 * {@code sync-path-out-of-memory}; one that does not fit now waits up to
 * {@code upload.sync.heap-wait-seconds} (with its body unread, so waiting costs no memory), then
 * gets 503 {@code gateway-busy} with Retry-After. While it waits, it has {@link BodyWatch} cut the
 * slowest body below the minimum rate each second: a connection that declared a huge body and
 * trickles it loses its room to uploads that send (it held the whole budget of every other sync
 * upload for as long as it trickled). Reserving only as bytes arrive was tried and deadlocks: three
 * uploads that each got a third of the room all wait for more.
 */
@ApplicationScoped
public class SyncAdmission {

    @Inject
    @ConfigProperties
    UploadSettings settings;
    @Inject
    BodyWatch bodies;

    HeapBudget budget;

    @PostConstruct
    void init() {
        budget = new HeapBudget((long) (Runtime.getRuntime().maxMemory() * settings.syncHeapShare));
    }

    /**
     * Reserves room for a body of {@code declaredLength} bytes before it is read; a body without a
     * length (-1) reserves as it is read, through {@link Hold#metered}. Close the hold to give it back.
     */
    public Hold admit(long declaredLength) {
        Hold hold = new Hold(declaredLength >= 0);
        if (declaredLength >= 0 && declaredLength <= RequestSize.largest(settings.maxBytes)) {
            hold.grow(HeapBudget.need(declaredLength));
        }
        // a declared length above the limit is refused by the intake before a byte is read
        return hold;
    }

    public long reservedBytes() {
        return budget.reservedBytes();
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    /** Room held by one sync upload until it ends. Used by the request's own thread only. */
    public final class Hold implements AutoCloseable {
        private static final long STEP = 1 << 20;
        private static final long SLICE_MILLIS = 1_000;
        private final boolean sized;
        private long held;

        private Hold(boolean sized) {
            this.sized = sized;
        }

        /** The body as read into heap: a body of unknown length reserves twice what it delivers, as it goes. */
        public InputStream metered(InputStream in) {
            if (sized) {
                return in;
            }
            return new FilterInputStream(in) {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    int n = super.read(buffer, off, len);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) {
                    read += n;
                    if (HeapBudget.need(read) > held) {
                        grow(Math.max(STEP, HeapBudget.need(read) - held));
                    }
                }
            };
        }

        private void grow(long need) {
            long bytes = HeapBudget.whole(need); // held stays whole units: close() gives back exactly what was taken
            HeapBudget.Grant grant;
            try {
                grant = reserveCuttingSlowBodies(bytes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                grant = HeapBudget.Grant.TIMED_OUT;
            }
            switch (grant) {
                case GRANTED -> held += bytes;
                case NEVER_FITS -> throw neverFits(held + bytes);
                case TIMED_OUT -> throw new GatewayBusy(settings.busyRetryAfterSeconds, "The sync path's heap budget ("
                        + mib(budget.totalBytes()) + " MiB) stayed taken by other uploads for " + settings.syncHeapWaitSeconds
                        + " s; retry after " + settings.busyRetryAfterSeconds + " s.");
            }
        }

        private HeapBudget.Grant reserveCuttingSlowBodies(long bytes) throws InterruptedException {
            long deadline = System.nanoTime() + settings.syncHeapWaitSeconds * 1_000_000_000L;
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                HeapBudget.Grant grant = budget.reserve(bytes, held, Math.max(0, Math.min(SLICE_MILLIS, left)));
                if (grant != HeapBudget.Grant.TIMED_OUT || left <= SLICE_MILLIS) {
                    return grant;
                }
                bodies.cutSlowest();
            }
        }

        private Refused neverFits(long need) {
            return new Refused(ProblemType.SYNC_PATH_OUT_OF_MEMORY,
                    "The sync path holds the whole file in memory, twice over while reading it; " + mib(need)
                            + " MiB is more than its heap budget of " + mib(budget.totalBytes())
                            + " MiB (upload.sync.heap-share). Send a smaller file or use the async path.");
        }

        @Override
        public void close() {
            if (held > 0) {
                budget.release(held);
                held = 0;
            }
        }
    }
}
