package dev.uploadgateway.upload.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** One accepted upload: what arrived, where it went, how, and how it ended. */
@Entity
@Table(name = "UPLOAD_RECORD")
@NamedQuery(name = Upload.ALL_NEWEST_FIRST, query = "select u from Upload u order by u.createdAt desc")
@NamedQuery(name = Upload.TENANTS_NEWEST_FIRST, query = "select u from Upload u"
        + " where (:all = true or u.tenant = :tenant) order by u.createdAt desc")
@NamedQuery(name = Upload.TENANTS_ONE, query = "select u from Upload u"
        + " where u.id = :id and (:all = true or u.tenant = :tenant)")
@NamedQuery(name = Upload.STORED_NEWEST_FIRST,
        query = "select u from Upload u where u.state = dev.uploadgateway.upload.entity.UploadState.DELIVERED"
                + " and u.deletedAt is null and (:all = true or u.tenant = :tenant) order by u.createdAt desc")
@NamedQuery(name = Upload.TENANTS_BY_TRACE, query = "select u from Upload u"
        + " where u.traceId = :traceId and (:all = true or u.tenant = :tenant) order by u.createdAt desc")
@NamedQuery(name = Upload.BY_IDEMPOTENCY_KEY, query = "select u from Upload u where u.idempotencyKey = :key")
@NamedQuery(name = Upload.UNFINISHED, query = "select u from Upload u where u.state in :states order by u.createdAt")
@NamedQuery(name = Upload.UNFINISHED_ON, query = "select u from Upload u where u.state in :states"
        + " and u.node = :node order by u.createdAt")
@NamedQuery(name = Upload.FINISHED_BETWEEN,
        query = "select new dev.uploadgateway.upload.entity.FinishedUpload(u.path, u.state, u.durationMs, u.completedAt)"
                + " from Upload u where u.completedAt >= :from and u.completedAt < :to order by u.completedAt desc")
public class Upload {

    public static final String ALL_NEWEST_FIRST = "Upload.allNewestFirst";
    public static final String STORED_NEWEST_FIRST = "Upload.storedNewestFirst";
    public static final String TENANTS_NEWEST_FIRST = "Upload.tenantsNewestFirst";
    public static final String TENANTS_ONE = "Upload.tenantsOne";
    public static final String BY_IDEMPOTENCY_KEY = "Upload.byIdempotencyKey";
    public static final String TENANTS_BY_TRACE = "Upload.tenantsByTrace";
    public static final String UNFINISHED = "Upload.unfinished";
    public static final String UNFINISHED_ON = "Upload.unfinishedOn";
    public static final String FINISHED_BETWEEN = "Upload.finishedBetween";

    @Id
    @Column(length = 36)
    private String id;
    @Column(length = 1024)
    private String filename;
    private String contentType;
    private long bytes;
    @Column(length = 64)
    private String sha256;
    private String provider;
    private String providerFileId;
    private String purpose;
    @Enumerated(EnumType.STRING)
    private UploadPath path;
    @Enumerated(EnumType.STRING)
    private UploadState state;
    private int attempts;
    private long durationMs;
    @Column(length = 512)
    private String stickinessKey;
    @Column(length = 2048)
    private String failureReason;
    private String failureClass;
    /** The spool file of an async upload until it is delivered; what a restart resumes from. */
    @Column(length = 1024)
    private String spoolFile;
    /** The node that holds the spool file (cluster.node-id); null for records from before nodes. */
    @Column(length = 255)
    private String node;
    /** The Idempotency-Key as {@link Tenant#idempotencyKey} stores it: qualified by the tenant, hashed. */
    @Column(length = 255, unique = true)
    private String idempotencyKey;
    /** Who sent it; null for records from before tenants, which only an operator sees. */
    @Column(length = 64)
    private String tenant;
    private Instant createdAt;
    private Instant completedAt;
    /** When the file was deleted at the provider through the files API; the record stays. */
    private Instant deletedAt;
    /** The trace the upload was received in (32 hex digits); null with telemetry off. */
    @Column(name = "TRACE_ID", length = 32)
    private String traceId;
    /** The W3C traceparent of the span that received it: the parent of its recovery after a restart. */
    @Column(name = "TRACE_PARENT", length = 55)
    private String traceParent;

    protected Upload() {
        // for JPA
    }

    /** The clock to the microsecond, as the database's timestamps keep it: a record reads the same before and after it is stored. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public Upload(String filename, String contentType, long bytes, String sha256, String provider,
                  String purpose, UploadPath path, String stickinessKey, String spoolFile, String idempotencyKey) {
        this.id = UUID.randomUUID().toString();
        this.filename = filename;
        this.contentType = contentType;
        this.bytes = bytes;
        this.sha256 = sha256;
        this.provider = provider;
        this.purpose = purpose;
        this.path = path;
        this.stickinessKey = stickinessKey;
        this.spoolFile = spoolFile;
        this.idempotencyKey = idempotencyKey;
        this.state = UploadState.RECEIVED;
        this.createdAt = now();
    }

    /**
     * The id the record will have, chosen before it is stored (an upload forwarded while received
     * has its id before its record); only before the record is persisted.
     */
    public Upload identified(String chosenId) {
        this.id = chosenId;
        return this;
    }

    public void uploading(int attempt) {
        this.state = UploadState.UPLOADING;
        this.attempts = attempt;
    }

    public void delivered(String providerFileId, UploadPath finalPath, int attempts, long durationMs) {
        this.state = UploadState.DELIVERED;
        this.providerFileId = providerFileId;
        this.path = finalPath;
        this.attempts = attempts;
        this.durationMs = durationMs;
        this.completedAt = now();
    }

    public void failed(String failureClass, String reason, UploadPath finalPath, int attempts, long durationMs) {
        this.state = UploadState.FAILED;
        this.failureClass = failureClass;
        this.failureReason = reason;
        this.path = finalPath;
        this.attempts = attempts;
        this.durationMs = durationMs;
        this.completedAt = now();
    }

    public String getId() { return id; }
    public String getFilename() { return filename; }
    public String getContentType() { return contentType; }
    public long getBytes() { return bytes; }
    public String getSha256() { return sha256; }
    public String getProvider() { return provider; }
    public String getProviderFileId() { return providerFileId; }
    public String getPurpose() { return purpose; }
    public UploadPath getPath() { return path; }
    public UploadState getState() { return state; }
    public int getAttempts() { return attempts; }
    public long getDurationMs() { return durationMs; }
    public String getStickinessKey() { return stickinessKey; }
    public String getFailureReason() { return failureReason; }
    public String getFailureClass() { return failureClass; }
    public void deleted() {
        this.deletedAt = now();
    }

    public Instant getDeletedAt() { return deletedAt; }
    public String getSpoolFile() { return spoolFile; }
    public String getNode() { return node; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getTenant() { return tenant; }

    /** Records the node that holds the upload's spool, which resumes it after a restart. */
    public Upload heldBy(String nodeId) {
        this.node = nodeId;
        return this;
    }

    /** Makes the upload its tenant's, with the Idempotency-Key qualified by that tenant. */
    public Upload ownedBy(Tenant owner, String idempotencyKeyAsSent) {
        this.tenant = owner.name();
        this.idempotencyKey = owner.idempotencyKey(idempotencyKeyAsSent);
        return this;
    }
    /** Records the trace the upload is received in; both null when telemetry is off. */
    public Upload traced(String receivedInTraceId, String receivedInTraceParent) {
        this.traceId = receivedInTraceId;
        this.traceParent = receivedInTraceParent;
        return this;
    }

    public String getTraceId() { return traceId; }
    public String getTraceParent() { return traceParent; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getCompletedAt() { return completedAt; }

    /** The record as it stands, detached from JPA: what the API, the remote view and the trails read. */
    public UploadView view() {
        return UploadView.of(this);
    }
}
