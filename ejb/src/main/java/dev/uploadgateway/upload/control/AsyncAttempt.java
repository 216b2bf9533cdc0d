package dev.uploadgateway.upload.control;

import dev.uploadgateway.provider.entity.ProviderFile;
import dev.uploadgateway.provider.entity.ProviderRejected;
import dev.uploadgateway.provider.entity.ProviderUnavailable;
import dev.uploadgateway.trace.control.UploadSpans;
import io.opentelemetry.api.trace.Span;
import dev.uploadgateway.upload.entity.Upload;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Future;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The async path's delivery: attempts on the EJB container's async pool, retried, timed out and
 * ended in {@link SyncFallback} by Fault Tolerance. Its own bean, so the facade calls it through the
 * container like any other caller instead of through itself.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AsyncAttempt {

    @Inject
    UploadStore store;
    @Inject
    UploadSpans spans = UploadSpans.off();

    /**
     * One async attempt. Fault Tolerance retries it on network errors, timeouts, 429 and 5xx (never
     * on a refusal), bounds each attempt with a timeout that interrupts and aborts the exchange, and
     * ends in {@link SyncFallback}, which completes the upload's outcome when no attempt did. A
     * provider's Retry-After is honoured by the next attempt waiting until then. Every number (retries,
     * delay, jitter, timeout, and the whole chain's deadline derived from them) comes from the
     * configuration: see the Fault Tolerance keys in microprofile-config.properties.
     */
    @Asynchronous
    @Retry(retryOn = {ProviderUnavailable.class, TimeoutException.class}, abortOn = ProviderRejected.class)
    @Timeout(unit = ChronoUnit.SECONDS)
    @Fallback(SyncFallback.class)
    public Future<Upload> deliver(Delivery delivery) {
        int attempt = delivery.nextAttempt();
        // this runs on the EJB async pool: the upload's trace comes with the delivery, not with the thread
        Span span = spans.attempt(delivery.trace(), delivery.uploadId(), delivery.target().provider().name(), attempt,
                "async");
        return new AsyncResult<>(UploadSpans.within(span, () -> attempt(delivery, attempt)));
    }

    private Upload attempt(Delivery delivery, int attempt) {
        ProviderFile file = delivery.delivered();
        if (file == null && attempt > 1) {
            // An earlier attempt may have been stored by the provider and lost only its answer (timed
            // out at the last moment, connection reset after the body): ask before sending again.
            file = delivery.reconcile().orElse(null);
        }
        if (file == null) {
            delivery.awaitRetryAfter();
            if (attempt > 1) {
                // the record was created as attempt 1: only a retry is written
                store.update(delivery.uploadId(), u -> u.uploading(attempt));
            }
            ReceivedUpload received = delivery.received();
            try {
                file = delivery.target().provider().upload(delivery.uploadId(), received.filename(),
                        received.contentType(), delivery.target().purpose(), delivery.content());
            } catch (ProviderUnavailable e) {
                e.retryAfter().ifPresent(delivery::retryAfter);
                throw e;
            }
            delivery.delivered(file);
        }
        return delivery.finish(store, file, attempt);
    }
}
