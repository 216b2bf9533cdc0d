package dev.uploadgateway.upload.control;

import dev.uploadgateway.provider.control.Providers;
import dev.uploadgateway.provider.entity.ProviderFile;
import io.opentelemetry.context.Context;
import java.util.concurrent.CompletableFuture;

/**
 * The first attempt of an async upload, started when its file part begins and fed from the
 * {@link LiveSpool} while the body is still arriving: the upload's id, where it goes, the thread
 * sending it, and the provider's answer once it has one.
 */
public final class Forward {

    private final String uploadId;
    private final Providers.Target target;
    private final String filename;
    private final String contentType;
    private final LiveSpool spool;
    private final Context trace;
    private final CompletableFuture<ProviderFile> answer = new CompletableFuture<>();
    private Thread sender;

    /**
     * @param uploadId the id the upload's record will have
     * @param trace    the request's context, the parent of this attempt's span on the EJB async pool
     */
    Forward(String uploadId, Providers.Target target, String filename, String contentType, LiveSpool spool,
            Context trace) {
        this.uploadId = uploadId;
        this.trace = trace;
        this.target = target;
        this.filename = filename;
        this.contentType = contentType;
        this.spool = spool;
    }

    public String uploadId() {
        return uploadId;
    }

    public Providers.Target target() {
        return target;
    }

    public String filename() {
        return filename;
    }

    public String contentType() {
        return contentType;
    }

    public LiveSpool spool() {
        return spool;
    }

    public Context trace() {
        return trace;
    }

    /** Completes with the provider's file, or with why the attempt failed. */
    public CompletableFuture<ProviderFile> answer() {
        return answer;
    }

    /** Whether the finished form still asks for what this attempt sends. */
    boolean matches(ReceivedUpload received, Providers.Target finalTarget) {
        return finalTarget.provider().name().equals(target.provider().name())
                && finalTarget.purpose().equals(target.purpose())
                && received.filename().equals(filename) && received.contentType().equals(contentType);
    }

    /** Stops the attempt before the provider has the whole body; see {@link LiveSpool#abort}. */
    boolean abort(String reason) {
        return spool.abort(reason);
    }

    /** The calling thread sends this attempt until {@link #sent()}. */
    synchronized void sending() {
        sender = Thread.currentThread();
    }

    /**
     * The sending thread is done; an interrupt meant for it is cleared here, under the same lock
     * {@link #timeOut()} interrupts under, so none reaches the pool's next task.
     */
    void sent() {
        synchronized (this) {
            sender = null;
        }
        Thread.interrupted();
    }

    /** Ends a sending attempt that outlasted its time: the provider client aborts the exchange on the interrupt. */
    synchronized void timeOut() {
        if (sender != null) {
            sender.interrupt();
        }
    }
}
