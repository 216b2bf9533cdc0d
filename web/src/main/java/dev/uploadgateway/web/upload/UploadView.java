package dev.uploadgateway.web.upload;

import dev.uploadgateway.upload.entity.Upload;
import java.time.Instant;

/** The JSON shape of an upload record. */
public record UploadView(String id, String filename, String contentType, long bytes, String sha256,
                         String provider, String providerFileId, String purpose, String path, String state,
                         int attempts, long durationMs, String stickinessKey, String failureClass, String failureReason,
                         Instant createdAt, Instant completedAt) {

    public static UploadView of(Upload u) {
        return new UploadView(u.getId(), u.getFilename(), u.getContentType(), u.getBytes(), u.getSha256(),
                u.getProvider(), u.getProviderFileId(), u.getPurpose(), u.getPath().label(),
                u.getState().name().toLowerCase(java.util.Locale.ROOT), u.getAttempts(), u.getDurationMs(),
                u.getStickinessKey(), u.getFailureClass(), u.getFailureReason(), u.getCreatedAt(), u.getCompletedAt());
    }
}
