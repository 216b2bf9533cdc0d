package dev.uploadgateway.upload.control;

import dev.uploadgateway.provider.entity.FileContent;
import dev.uploadgateway.trace.control.UploadSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Runs the first attempt of a forwarded upload on the EJB container's async pool while the request
 * thread is still receiving its body. Deliberately outside Fault Tolerance: its duration is the
 * client's sending time, which no attempt timeout can bound. The client side is bounded by
 * {@link BodyWatch}; the provider's answer, once the whole body is in, by {@code async.upload.timeout}
 * like every attempt ({@link Forwarder#settle}). A failure here is retried from the spool by
 * {@link AsyncAttempt} once the body is complete.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LiveAttempt {

    @Inject
    UploadSpans spans = UploadSpans.off();

    /** Sends the body as it arrives, as attempt 1 in the request's trace; completes the forward's answer either way. */
    @Asynchronous
    public void send(Forward forward) {
        forward.sending();
        Span attempt = spans.attempt(forward.trace(), forward.uploadId(), forward.target().provider().name(), 1, "async");
        try (Scope current = attempt.makeCurrent()) {
            String stopped = forward.spool().aborted();
            if (stopped != null) {
                // queued behind other work until the upload had already been refused: nothing to send
                throw new IllegalStateException(stopped);
            }
            forward.answer().complete(forward.target().provider().upload(forward.uploadId(), forward.filename(),
                    forward.contentType(), forward.target().purpose(),
                    new FileContent.Live(forward.spool(), forward.spool().expected())));
        } catch (RuntimeException | Error e) {
            UploadSpans.failed(attempt, e);
            forward.answer().completeExceptionally(e);
        } finally {
            attempt.end();
            forward.sent();
        }
    }
}
