package dev.uploadgateway.resumable.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * An upload sent in parts, as it was declared when created (V5__parted_uploads.sql): through which
 * API, its size, name, type and purpose, whose it is, until when it takes parts, and, once
 * completed, the upload record its joined parts became. Each API finds only its own.
 */
@Entity
@Table(name = "PARTED_UPLOAD")
@NamedQuery(name = PartedUpload.EXPIRED, query = "select p from PartedUpload p where p.state = :state"
        + " and p.expiresAt <= :now order by p.expiresAt")
@NamedQuery(name = PartedUpload.IN_STATE, query = "select p from PartedUpload p where p.state = :state"
        + " and p.protocol = :protocol order by p.createdAt")
public class PartedUpload {

    /** How the API writes an upload's id: OpenAI's form, {@code upload_<id>}. */
    public static final String ID_PREFIX = "upload_";
    public static final String EXPIRED = "PartedUpload.expired";
    public static final String IN_STATE = "PartedUpload.inState";

    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Enumerated(EnumType.STRING)
    @Column(name = "PROTOCOL", length = 8)
    private PartedProtocol protocol;
    @Column(name = "TENANT", length = 64)
    private String tenant;
    @Column(name = "FILENAME", length = 1024)
    private String filename;
    @Column(name = "MIME_TYPE")
    private String mimeType;
    @Column(name = "PURPOSE")
    private String purpose;
    @Column(name = "PROVIDER")
    private String provider;
    @Column(name = "BYTES")
    private long bytes;
    @Column(name = "STICKINESS_KEY", length = 512)
    private String stickinessKey;
    @Column(name = "METADATA", length = 4096)
    private String metadata;
    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", length = 16)
    private PartedState state;
    @Column(name = "CREATED_AT")
    private Instant createdAt;
    @Column(name = "EXPIRES_AT")
    private Instant expiresAt;
    @Column(name = "UPLOAD_ID", length = 36)
    private String uploadId;

    protected PartedUpload() {
        // for JPA
    }

    public PartedUpload(PartedProtocol protocol, String tenant, String filename, String mimeType, String purpose,
                        String provider, long bytes, String stickinessKey, Duration expiry) {
        this.id = UUID.randomUUID().toString();
        this.protocol = protocol;
        this.tenant = tenant;
        this.filename = filename;
        this.mimeType = mimeType;
        this.purpose = purpose;
        this.provider = provider;
        this.bytes = bytes;
        this.stickinessKey = stickinessKey;
        this.state = PartedState.PENDING;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        this.expiresAt = createdAt.plus(expiry);
    }

    public String getId() { return id; }
    public PartedProtocol getProtocol() { return protocol; }
    /** tus's Upload-Metadata as the client sent it (echoed by HEAD); null for the OpenAI API. */
    public String getMetadata() { return metadata; }
    public String getTenant() { return tenant; }
    public String getFilename() { return filename; }
    public String getMimeType() { return mimeType; }
    public String getPurpose() { return purpose; }
    public String getProvider() { return provider; }
    public long getBytes() { return bytes; }
    public String getStickinessKey() { return stickinessKey; }
    public PartedState getState() { return state; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    /** The upload record the joined parts became; null until completed. */
    public String getUploadId() { return uploadId; }

    /** The state as of {@code now}: a pending upload whose time ran out is expired, swept or not. */
    public PartedState stateAt(Instant now) {
        return state == PartedState.PENDING && !expiresAt.isAfter(now) ? PartedState.EXPIRED : state;
    }

    public PartedUpload withMetadata(String uploadMetadata) {
        this.metadata = uploadMetadata;
        return this;
    }

    public void moveTo(PartedState next) {
        this.state = next;
    }

    public void completedAs(String upload) {
        this.uploadId = upload;
        this.state = PartedState.COMPLETED;
    }
}
