package dev.uploadgateway.rollout.entity;

import dev.uploadgateway.upload.entity.UploadPath;
import java.time.Instant;

/**
 * One finished upload as the rollout sees it. {@code success} is what the user got: an upload on
 * {@link UploadPath#SYNC_FALLBACK} that the legacy path delivered is a success for the user, yet it
 * counts as a failure of the async path.
 *
 * @param errorClass what went wrong (an exception's simple name or a problem type), null when nothing
 *                   did; a fallback upload carries what made its async attempts fail
 */
public record Outcome(UploadPath path, boolean success, String errorClass, long durationMs, long bytes,
        Instant at) {

    /** Whether the upload was sent to the async path, whatever rescued it afterwards. */
    public boolean triedAsync() {
        return path != UploadPath.SYNC;
    }
}
