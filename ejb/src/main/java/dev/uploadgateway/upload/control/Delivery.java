package dev.uploadgateway.upload.control;

import dev.uploadgateway.provider.control.Providers;
import dev.uploadgateway.provider.entity.FileContent;
import dev.uploadgateway.provider.entity.ProviderFailure;
import dev.uploadgateway.provider.entity.ProviderFile;
import dev.uploadgateway.provider.entity.ProviderUnavailable;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadPath;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One upload on its way to the provider over the async path, shared by all of its attempts. Fault
 * Tolerance calls the same method again with the same arguments, so the attempt count and the
 * provider's answer live here; {@link #outcome()} completes once, whichever attempt or the
 * fallback ends the upload, and is what the HTTP layer waits on without holding a thread.
 */
public class Delivery {

    private final String uploadId;
    private final ReceivedUpload received;
    private final Providers.Target target;
    private final long startNanos;
    private final Instant acceptedAt;
    private final Context trace;
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicReference<ProviderFile> delivered = new AtomicReference<>();
    private final CompletableFuture<Upload> outcome = new CompletableFuture<>();
    /** System.nanoTime() before which no attempt may start; nanoTime values are only compared by difference. */
    private volatile long notBefore;

    /**
     * @param startNanos when the request began, so the recorded duration includes the intake
     * @param acceptedAt when the record was created: a file the provider holds for it cannot be older
     * @param trace      the parent of the attempts' spans, captured on the thread that took the upload on
     *                   (attempts run on the EJB async pool, where it is not current)
     */
    public Delivery(String uploadId, ReceivedUpload received, Providers.Target target, long startNanos, Instant acceptedAt,
                    Context trace) {
        this.uploadId = uploadId;
        this.trace = trace;
        this.acceptedAt = acceptedAt;
        this.startNanos = startNanos;
        this.notBefore = startNanos;
        this.received = received;
        this.target = target;
    }

    public String uploadId() {
        return uploadId;
    }

    public ReceivedUpload received() {
        return received;
    }

    public FileContent content() {
        return received.content();
    }

    public Providers.Target target() {
        return target;
    }

    /** The context the upload's attempt and fallback spans are children of. */
    public Context trace() {
        return trace;
    }

    /** A resumed upload counts on from the attempts made before the restart. */
    public void resumeAfter(int earlierAttempts) {
        attempts.set(earlierAttempts);
    }

    /** The provider asked not to be called again before {@code wait} has passed. */
    public void retryAfter(Duration wait) {
        notBefore = System.nanoTime() + wait.toNanos();
    }

    /**
     * Waits out a provider's Retry-After before the next attempt (the attempt's own timeout still
     * bounds the wait). Fault Tolerance's retry delay is fixed; this adds what the provider asked.
     */
    public void awaitRetryAfter() {
        long wait = notBefore - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                // interrupted by the attempt's timeout; the flag stays with Fault Tolerance (see FilesApiClient)
                throw new ProviderUnavailable(target.provider().name(), "the provider's Retry-After outlasted the attempt's timeout", e);
            }
        }
    }

    /** Counts an attempt and returns its number, starting at 1. */
    public int nextAttempt() {
        return attempts.incrementAndGet();
    }

    public int attempts() {
        return attempts.get();
    }

    public long startNanos() {
        return startNanos;
    }

    public long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /**
     * The provider's answer, if an attempt got one. An attempt that timed out after the provider
     * had stored the file still records it here, and the next attempt reuses it instead of
     * uploading the file a second time.
     */
    public ProviderFile delivered() {
        return delivered.get();
    }

    public void delivered(ProviderFile file) {
        delivered.compareAndSet(null, file);
    }

    /**
     * Asks the provider whether it already holds this upload — an attempt it stored but whose answer
     * was lost (a timeout at the last moment, a reset, a crash) — and records the file if so.
     */
    public Optional<ProviderFile> reconcile() {
        Optional<ProviderFile> stored = target.provider().delivered(uploadId, received.filename(), received.bytes(), acceptedAt);
        stored.ifPresent(this::delivered);
        return stored;
    }

    /**
     * Ends the upload as delivered by {@code attempt}: records the provider's file (the upload's
     * final write), frees the spool and completes the outcome.
     */
    Upload finish(UploadStore store, ProviderFile file, int attempt) {
        String fileId = file.id();
        Upload done = store.update(uploadId, u -> u.delivered(fileId, UploadPath.ASYNC, attempt, elapsedMs()));
        Spool.release(content());
        outcome.complete(done);
        return done;
    }

    /**
     * Records the upload as failed on the async path after its attempts so far; the spool file is
     * kept for upload.failed-spool-retention-hours. The caller completes the outcome.
     */
    void fail(UploadStore store, RuntimeException failure) {
        String failureClass = failure instanceof ProviderFailure provider ? provider.kind() : failure.getClass().getSimpleName();
        store.update(uploadId, u -> u.failed(failureClass, failure.getMessage(), UploadPath.ASYNC, attempts(), elapsedMs()));
    }

    public CompletableFuture<Upload> outcome() {
        return outcome;
    }
}
