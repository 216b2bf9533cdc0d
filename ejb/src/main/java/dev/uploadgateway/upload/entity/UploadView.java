package dev.uploadgateway.upload.entity;

import java.time.Instant;

/**
 * An upload record as every reader outside JPA sees it: the JSON of {@code GET /api/uploads/{id}},
 * and what the remote view, the upload trail, the CSV export and the OpenAI file object are built
 * from, so that a field is read from the entity in one place only. Field names are the API's;
 * {@code path} and {@code state} are already the lower-case words ({@link UploadPath#label()},
 * {@link UploadState#label()}).
 *
 * @param providerFileId null until delivered
 * @param failureClass null unless failed; {@code failureReason} with it
 * @param completedAt null while the upload is under way
 * @param node the node that holds the upload's spool ({@code cluster.node-id}); null on records from
 *             before nodes were recorded
 * @param traceId the trace the upload was received in (README, "One trace per upload"); null with
 *                telemetry off
 */
public record UploadView(String id, String filename, String contentType, long bytes, String sha256,
                         String provider, String providerFileId, String purpose, String path, String state,
                         int attempts, long durationMs, String stickinessKey, String failureClass, String failureReason,
                         Instant createdAt, Instant completedAt, String node, String traceId) {

    static UploadView of(Upload u) {
        return new UploadView(u.getId(), u.getFilename(), u.getContentType(), u.getBytes(), u.getSha256(),
                u.getProvider(), u.getProviderFileId(), u.getPurpose(), u.getPath().label(), u.getState().label(),
                u.getAttempts(), u.getDurationMs(), u.getStickinessKey(), u.getFailureClass(), u.getFailureReason(),
                u.getCreatedAt(), u.getCompletedAt(), u.getNode(), u.getTraceId());
    }
}
