package dev.uploadgateway.upload.control;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A share of the heap that sync uploads reserve before a byte of their body is read, so that
 * however many arrive at once the legacy path never drives the JVM into OutOfMemoryError (which
 * in the benchmark left other threads, the provider client's among them, dead). Counted in KiB so
 * that budgets up to terabytes fit a semaphore's int. Written by hand: Fault Tolerance's
 * {@code @Bulkhead} counts calls, not bytes.
 */
public final class HeapBudget {

    /** The outcome of asking for room. */
    public enum Grant { GRANTED, NEVER_FITS, TIMED_OUT }

    private final int totalKib;
    private final Semaphore kib;

    public HeapBudget(long bytes) {
        this.totalKib = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / 1024));
        this.kib = new Semaphore(totalKib, true);
    }

    /** {@code bytes} rounded up to the budget's unit, so that what is reserved in steps is released exactly. */
    public static long whole(long bytes) {
        return kibOf(bytes) * 1024;
    }

    /** Room an upload of {@code fileBytes} needs: reading it into one array peaks at twice its size. */
    public static long need(long fileBytes) {
        return 2 * fileBytes;
    }

    /**
     * Waits up to {@code waitMillis} for {@code bytes} more room for a holder that has {@code held}
     * already; what would take the holder above the whole budget never fits.
     */
    public Grant reserve(long bytes, long held, long waitMillis) throws InterruptedException {
        long wanted = kibOf(bytes);
        if (wanted + kibOf(held) > totalKib) {
            return Grant.NEVER_FITS;
        }
        return kib.tryAcquire((int) wanted, waitMillis, TimeUnit.MILLISECONDS) ? Grant.GRANTED : Grant.TIMED_OUT;
    }

    public void release(long bytes) {
        kib.release((int) kibOf(bytes));
    }

    public long totalBytes() {
        return totalKib * 1024L;
    }

    public long reservedBytes() {
        return (totalKib - (long) kib.availablePermits()) * 1024L;
    }

    /** How many reservations are waiting for room now (an estimate, as the semaphore's). */
    int waiting() {
        return kib.getQueueLength();
    }

    private static long kibOf(long bytes) {
        return bytes <= 0 ? 0 : (bytes + 1023) / 1024;
    }
}
