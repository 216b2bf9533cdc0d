package dev.uploadgateway.upload.control;

import dev.uploadgateway.provider.control.Providers;
import dev.uploadgateway.provider.entity.FileContent;
import dev.uploadgateway.provider.entity.ProviderFailure;
import dev.uploadgateway.provider.entity.ProviderFile;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadPath;
import dev.uploadgateway.trace.control.UploadSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The legacy delivery, kept on purpose as the measured baseline: the whole file is in heap and the
 * calling thread blocks for one attempt, with no retry. It serves the sync path and, from the
 * spool loaded back into heap, the async path's fallback.
 */
@ApplicationScoped
public class LegacyDelivery {

    @Inject
    UploadStore store;
    @Inject
    UploadSpans spans = UploadSpans.off();

    /**
     * @param attempt    the number this attempt carries in the record
     * @param startNanos when the upload began, for the recorded duration
     */
    public Upload deliver(String uploadId, ReceivedUpload received, Providers.Target target,
                          FileContent.InMemory bytes, UploadPath path, int attempt, long startNanos) {
        if (attempt > 1) {
            // the record was created as attempt 1: only a later attempt (the fallback's) is written
            store.update(uploadId, u -> u.uploading(attempt));
        }
        // a child of the request's span (sync) or of the fallback's, whichever is current
        Span span = spans.attempt(Context.current(), uploadId, target.provider().name(), attempt, path.label());
        return UploadSpans.within(span, () -> {
            try {
                ProviderFile file = target.provider().upload(uploadId, received.filename(), received.contentType(),
                        target.purpose(), bytes);
                return store.update(uploadId, u -> u.delivered(file.id(), path, attempt, millisSince(startNanos)));
            } catch (ProviderFailure e) {
                store.update(uploadId, u -> u.failed(e.kind(), e.getMessage(), path, attempt, millisSince(startNanos)));
                throw e;
            }
        });
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
