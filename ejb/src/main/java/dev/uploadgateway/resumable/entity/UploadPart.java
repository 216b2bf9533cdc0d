package dev.uploadgateway.resumable.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** One acknowledged part of a {@link PartedUpload}: its size and the spool file that holds its bytes, forced to disk. */
@Entity
@Table(name = "UPLOAD_PART")
@NamedQuery(name = UploadPart.OF, query = "select p from UploadPart p where p.partedId = :parted order by p.createdAt")
@NamedQuery(name = UploadPart.HELD, query = "select coalesce(sum(p.bytes), 0) from UploadPart p where p.partedId = :parted")
public class UploadPart {

    /** How the API writes a part's id: OpenAI's form, {@code part_<id>}. */
    public static final String ID_PREFIX = "part_";
    public static final String OF = "UploadPart.of";
    public static final String HELD = "UploadPart.held";

    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "PARTED_ID", length = 36)
    private String partedId;
    @Column(name = "BYTES")
    private long bytes;
    @Column(name = "PART_OFFSET")
    private Long offset;
    @Column(name = "PART_FILE", length = 1024)
    private String file;
    @Column(name = "CREATED_AT")
    private Instant createdAt;

    protected UploadPart() {
        // for JPA
    }

    public UploadPart(String id, String partedId, long bytes, String file) {
        this(id, partedId, null, bytes, file);
    }

    /** A part appended at {@code offset} (tus); null where parts are put in order at completion (OpenAI). */
    public UploadPart(String id, String partedId, Long offset, long bytes, String file) {
        this.id = id;
        this.offset = offset;
        this.partedId = partedId;
        this.bytes = bytes;
        this.file = file;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A new part's id, chosen before its bytes are written so that its file can bear it. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public String getId() { return id; }
    public String getPartedId() { return partedId; }
    public long getBytes() { return bytes; }
    public Long getOffset() { return offset; }
    public String getFile() { return file; }
    public Instant getCreatedAt() { return createdAt; }
}
