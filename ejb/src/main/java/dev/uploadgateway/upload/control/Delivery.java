package dev.uploadgateway.upload.control;

import dev.uploadgateway.provider.control.FileContent;
import dev.uploadgateway.provider.control.ProviderFile;
import dev.uploadgateway.provider.control.Providers;
import dev.uploadgateway.upload.entity.Upload;
import java.util.concurrent.CompletableFuture;
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
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicReference<ProviderFile> delivered = new AtomicReference<>();
    private final CompletableFuture<Upload> outcome = new CompletableFuture<>();

    /** @param startNanos when the request began, so the recorded duration includes the intake */
    public Delivery(String uploadId, ReceivedUpload received, Providers.Target target, long startNanos) {
        this.uploadId = uploadId;
        this.startNanos = startNanos;
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

    public CompletableFuture<Upload> outcome() {
        return outcome;
    }
}
