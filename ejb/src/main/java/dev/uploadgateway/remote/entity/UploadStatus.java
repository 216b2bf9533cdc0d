package dev.uploadgateway.remote.entity;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * An upload's record as the remote view reports it; the same fields and values as the JSON of
 * {@code GET /api/uploads/{id}}. {@code path} is sync, async or sync_fallback; {@code state} is
 * received, uploading, delivered or failed (strings, not enums, so a new value cannot break an
 * older client).
 */
public final class UploadStatus implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String filename;
    private final String contentType;
    private final long bytes;
    private final String sha256;
    private final String provider;
    private final String providerFileId;
    private final String purpose;
    private final String path;
    private final String state;
    private final int attempts;
    private final long durationMs;
    private final String stickinessKey;
    private final String failureClass;
    private final String failureReason;
    // ISO-8601 text: the ORB cannot serialize java.time values on JDK 17 (java.base does not open java.time)
    private final String createdAt;
    private final String completedAt;

    public UploadStatus(String id, String filename, String contentType, long bytes, String sha256, String provider,
                        String providerFileId, String purpose, String path, String state, int attempts,
                        long durationMs, String stickinessKey, String failureClass, String failureReason,
                        Instant createdAt, Instant completedAt) {
        this.id = id;
        this.filename = filename;
        this.contentType = contentType;
        this.bytes = bytes;
        this.sha256 = sha256;
        this.provider = provider;
        this.providerFileId = providerFileId;
        this.purpose = purpose;
        this.path = path;
        this.state = state;
        this.attempts = attempts;
        this.durationMs = durationMs;
        this.stickinessKey = stickinessKey;
        this.failureClass = failureClass;
        this.failureReason = failureReason;
        this.createdAt = createdAt == null ? null : createdAt.toString();
        this.completedAt = completedAt == null ? null : completedAt.toString();
    }

    public String id() { return id; }
    public String filename() { return filename; }
    public String contentType() { return contentType; }
    public long bytes() { return bytes; }
    public String sha256() { return sha256; }
    public String provider() { return provider; }
    public String providerFileId() { return providerFileId; }
    public String purpose() { return purpose; }
    public String path() { return path; }
    public String state() { return state; }
    public int attempts() { return attempts; }
    public long durationMs() { return durationMs; }
    public String stickinessKey() { return stickinessKey; }
    public String failureClass() { return failureClass; }
    public String failureReason() { return failureReason; }
    public Instant createdAt() { return createdAt == null ? null : Instant.parse(createdAt); }
    /** Null while the upload is under way. */
    public Instant completedAt() { return completedAt == null ? null : Instant.parse(completedAt); }

    @Override
    public String toString() {
        return "UploadStatus[id=" + id + ", path=" + path + ", state=" + state + ", attempts=" + attempts + "]";
    }
}
