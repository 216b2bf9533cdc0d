package dev.uploadgateway.upload.control;

import dev.uploadgateway.provider.entity.FileContent;
import dev.uploadgateway.provider.entity.ProviderFailure;
import dev.uploadgateway.provider.entity.ProviderFile;
import dev.uploadgateway.provider.entity.ProviderRejected;
import dev.uploadgateway.provider.entity.ProviderTimedOut;
import dev.uploadgateway.provider.entity.ProviderUnavailable;
import dev.uploadgateway.rollout.control.RolloutDecider;
import dev.uploadgateway.trace.control.UploadSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadPath;
import jakarta.ejb.AsyncResult;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Where every async upload ends that no attempt delivered. A provider that was only unavailable or
 * slow gets one more try by the legacy path when {@code async.upload.fallback} is on (recorded as
 * {@code sync_fallback}); a provider that refused the file, or a switched-off fallback, ends the
 * upload as failed. Either way the upload's outcome completes here exactly once.
 */
@Dependent
public class SyncFallback implements FallbackHandler<Future<Upload>> {

    private static final Logger LOG = Logger.getLogger(SyncFallback.class.getName());

    @Inject
    UploadStore store;
    @Inject
    LegacyDelivery legacy;
    @Inject
    RolloutDecider decider;
    @Inject
    UploadSpans spans = UploadSpans.off();

    @Override
    public Future<Upload> handle(ExecutionContext context) {
        Delivery delivery = (Delivery) context.getParameters()[0];
        // on Fault Tolerance's thread: the upload's trace comes with the delivery (a reconcile below carries it)
        try (Scope trace = delivery.trace().makeCurrent()) {
            Upload upload = settle(delivery, failure(delivery, context.getFailure()));
            Spool.release(delivery.content());
            delivery.outcome().complete(upload);
            return new AsyncResult<>(upload);
        } catch (RuntimeException e) {
            // the spool file of a failed upload is kept for upload.failed-spool-retention-hours (Recovery sweeps it)
            delivery.outcome().completeExceptionally(e);
            throw e;
        }
    }

    private Upload settle(Delivery delivery, RuntimeException failure) {
        ProviderFile late = delivery.delivered() != null ? delivery.delivered() : storedMeanwhile(delivery, failure);
        if (late != null) {
            // The provider stored the file but the attempt ran out of time: it is delivered, once.
            return store.update(delivery.uploadId(),
                    u -> u.delivered(late.id(), UploadPath.ASYNC, delivery.attempts(), delivery.elapsedMs()));
        }
        boolean worthFallback = failure instanceof ProviderUnavailable;
        if (!worthFallback || !decider.fallbackEnabled()) {
            delivery.fail(store, failure);
            throw failure;
        }
        LOG.log(Level.INFO, "Upload {0}: async delivery failed after {1} attempt(s) ({2}); falling back to sync",
                new Object[]{delivery.uploadId(), delivery.attempts(), failure.getMessage()});
        String failureClass = failure instanceof ProviderFailure provider ? provider.kind() : failure.getClass().getSimpleName();
        Span span = spans.fallback(delivery.trace(), delivery.uploadId(), delivery.target().provider().name(),
                delivery.attempts(), failureClass);
        return UploadSpans.within(span, () -> legacy.deliver(delivery.uploadId(), delivery.received(),
                delivery.target(), load(delivery), UploadPath.SYNC_FALLBACK, delivery.attempts() + 1,
                delivery.startNanos()));
    }

    /**
     * After a timed-out last attempt the provider may hold the file with only its answer lost; the
     * fallback asks before sending the file again. A provider that cannot be asked is not a reason
     * to give the upload up: the fallback then sends it.
     */
    private ProviderFile storedMeanwhile(Delivery delivery, RuntimeException failure) {
        if (!(failure instanceof ProviderTimedOut)) {
            return null;
        }
        try {
            return delivery.reconcile().orElse(null);
        } catch (ProviderUnavailable | ProviderRejected e) {
            LOG.log(Level.INFO, "Upload {0}: could not ask {1} whether a timed-out attempt arrived: {2}",
                    new Object[]{delivery.uploadId(), delivery.target().provider().name(), e.getMessage()});
            return null;
        }
    }

    private static FileContent.InMemory load(Delivery delivery) {
        try {
            return ((FileContent.Spooled) delivery.content()).load();
        } catch (IOException e) {
            throw new IllegalStateException("the spool file of upload " + delivery.uploadId() + " cannot be read", e);
        }
    }


    /** The failure as the caller should see it: a provider's own, or a timeout in the provider's name. */
    private static RuntimeException failure(Delivery delivery, Throwable failure) {
        String provider = delivery.target().provider().name();
        if (failure instanceof TimeoutException) {
            return new ProviderTimedOut(provider, "no attempt got an answer from " + provider + " in time ("
                    + delivery.attempts() + " attempt(s))", failure);
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException(failure);
    }
}
