package dev.uploadgateway.upload.boundary;

import dev.uploadgateway.upload.control.UploadStore;
import dev.uploadgateway.upload.entity.FinishedUpload;
import dev.uploadgateway.upload.entity.Upload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * What other components may read of the upload records: every tenant's finished uploads, for
 * aggregates (the rollout's async-against-sync comparison and history), never shown as records.
 */
@ApplicationScoped
public class FinishedUploads {

    @Inject
    UploadStore store;

    /** The newest {@code max} records of every tenant, newest first. */
    public List<Upload> newest(int max) {
        return store.newest(0, max);
    }

    /** Uploads that finished in [from, to), newest first, at most {@code max} of them. */
    public List<FinishedUpload> between(Instant from, Instant to, int max) {
        return store.finishedBetween(from, to, max);
    }
}
