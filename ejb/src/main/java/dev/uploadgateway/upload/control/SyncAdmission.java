package dev.uploadgateway.upload.control;

import dev.uploadgateway.upload.entity.GatewayBusy;
import dev.uploadgateway.upload.entity.UploadRejected;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admits sync uploads against {@link HeapBudget}: {@code upload.sync.heap-share} of the maximum
 * heap, twice the body per upload, reserved as the bytes arrive, never from the declared
 * Content-Length (one connection declaring 128 MB and sending a byte every few seconds held the
 * whole budget and starved every other sync upload). A declared length that can never fit is
 * refused with 503 {@code sync-path-out-of-memory} before reading; an upload whose next megabyte
 * does not fit now waits up to {@code upload.sync.heap-wait-seconds}, then gets 503
 * {@code gateway-busy} with Retry-After. A body too slow to be worth its room is cut by
 * {@link BodyWatch}, which gives the room back.
 */
@ApplicationScoped
public class SyncAdmission {

    @Inject
    @ConfigProperty(name = "upload.sync.heap-share")
    double heapShare;
    @Inject
    @ConfigProperty(name = "upload.sync.heap-wait-seconds")
    long waitSeconds;
    @Inject
    @ConfigProperty(name = "upload.max-bytes")
    long maxBytes;
    @Inject
    @ConfigProperty(name = "upload.busy-retry-after-seconds")
    long retryAfterSeconds;

    HeapBudget budget;

    @PostConstruct
    void init() {
        budget = new HeapBudget((long) (Runtime.getRuntime().maxMemory() * heapShare));
    }

    /**
     * A hold for a body of {@code declaredLength} bytes (-1 when chunked) that reserves as it is read,
     * through {@link Hold#metered}; refused at once when the declared length can never fit. Close
     * the hold to give its room back.
     */
    public Hold admit(long declaredLength) {
        Hold hold = new Hold();
        // a declared length above the limit is refused by the intake before a byte is read
        if (declaredLength >= 0 && declaredLength <= maxBytes + MultipartIntake.FRAMING_ALLOWANCE
                && HeapBudget.whole(HeapBudget.need(declaredLength)) > budget.totalBytes()) {
            throw hold.neverFits(HeapBudget.need(declaredLength));
        }
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
        private long held;

        private Hold() {
        }

        /** The body as read into heap: it reserves twice what it delivers, a megabyte or more at a time. */
        public InputStream metered(InputStream in) {
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
                grant = budget.reserve(bytes, held, waitSeconds * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                grant = HeapBudget.Grant.TIMED_OUT;
            }
            switch (grant) {
                case GRANTED -> held += bytes;
                case NEVER_FITS -> throw neverFits(held + bytes);
                case TIMED_OUT -> throw new GatewayBusy(retryAfterSeconds, "The sync path's heap budget ("
                        + mib(budget.totalBytes()) + " MiB) stayed taken by other uploads for " + waitSeconds
                        + " s; retry after " + retryAfterSeconds + " s.");
            }
        }

        private UploadRejected neverFits(long need) {
            return new UploadRejected(503, "sync-path-out-of-memory", "Not enough memory for the sync path",
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
