package dev.uploadgateway.resumable.boundary;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import dev.uploadgateway.resumable.control.PartFiles;
import dev.uploadgateway.resumable.control.PartedStore;
import dev.uploadgateway.resumable.control.TusChecksum;
import dev.uploadgateway.resumable.control.TusMetadata;
import dev.uploadgateway.resumable.entity.PartedProtocol;
import dev.uploadgateway.resumable.entity.PartedState;
import dev.uploadgateway.resumable.entity.PartedUpload;
import dev.uploadgateway.resumable.entity.TusProgress;
import dev.uploadgateway.resumable.entity.UploadPart;
import dev.uploadgateway.upload.boundary.UploadService;
import dev.uploadgateway.upload.control.UploadSettings;
import dev.uploadgateway.upload.entity.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * tus 1.0 uploads: created with their length and metadata (name, type, provider, purpose), checked
 * against the provider's limit at once; bytes appended at the offset the upload holds, each PATCH
 * forced to disk as a part of its own before it is acknowledged (a body cut short keeps what
 * arrived), its checksum verified when sent; the last byte joins the parts into one upload that
 * takes the path the rollout decides, like any other, delivered once however often it is retried.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TusUploads {

    @Inject
    PartedStore store;
    @Inject
    PartFiles files;
    @EJB
    PartedUploads parted;
    @EJB
    UploadService uploads;
    @Inject
    @ConfigProperties
    UploadSettings settings;

    /** The largest upload taken (Tus-Max-Size): upload.max-bytes; a provider's limit for a purpose may be lower. */
    public long maxSize() {
        return settings.maxBytes;
    }

    /**
     * A new upload of {@code length} bytes, named by {@code uploadMetadata} ({@code filename}
     * required; {@code filetype}, {@code provider}, {@code purpose}, {@code stickiness-key} optional).
     */
    public PartedUpload create(Tenant tenant, long length, String uploadMetadata, String stickinessKey) {
        Map<String, String> metadata = TusMetadata.parse(uploadMetadata);
        String filename = metadata.get("filename");
        if (filename == null || filename.isEmpty()) {
            throw new Refused(ProblemType.INVALID_PARAMETER, "Upload-Metadata must name the file: 'filename' and its"
                    + " name in Base64.");
        }
        String key = stickinessKey != null ? stickinessKey : metadata.get("stickiness-key");
        return parted.open(PartedProtocol.TUS, tenant, filename, length,
                metadata.getOrDefault("filetype", "application/octet-stream"), blankToNull(metadata.get("provider")),
                blankToNull(metadata.get("purpose")), null, key, blankToNull(uploadMetadata));
    }

    /** The checksum algorithms a PATCH may name (Tus-Checksum-Algorithm), comma-separated. */
    public String checksumAlgorithms() {
        return String.join(",", new java.util.TreeSet<>(TusChecksum.ALGORITHMS.keySet()));
    }

    /** Where upload {@code id} stands: refused when it expired (410) or was terminated (404). */
    public TusProgress progress(Tenant tenant, String id) {
        PartedUpload p = store.find(tenant, PartedProtocol.TUS, id);
        if (p.getState() == PartedState.CANCELLED) {
            throw terminated(id);
        }
        if (p.getState() == PartedState.COMPLETED || p.getState() == PartedState.COMPLETING) {
            return new TusProgress(p, p.getBytes(), p.getUploadId());
        }
        PartedStore.pending(p, "be resumed");
        return new TusProgress(p, store.held(id), null);
    }

    /**
     * Appends the PATCH body {@code body} ({@code declared} bytes, -1 if not said) at {@code offset},
     * which must be the upload's. Acknowledged bytes are on disk; the last of them hands the upload on.
     */
    public TusProgress append(Tenant tenant, String id, long offset, InputStream body, long declared, String checksum) {
        TusChecksum sum = TusChecksum.of(checksum);
        TusProgress now = progress(tenant, id);
        PartedUpload p = now.upload();
        PartedStore.pending(p, "take bytes");
        if (offset != now.offset()) {
            throw PartedStore.offsetMismatch(offset, now.offset());
        }
        long left = p.getBytes() - offset;
        if (declared > left) {
            throw new Refused(ProblemType.UPLOAD_TOO_LARGE, "The PATCH declares " + declared + " bytes; the upload has "
                    + left + " left of its " + p.getBytes() + ".");
        }
        String partId = UploadPart.newId();
        Path file = files.of(p.getId(), partId);
        PartFiles.Written written;
        try {
            written = uploads.guarded(body, in -> files.writeUpTo(in, file, left, declared, sum == null ? null : sum.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("The bytes of upload " + id + " could not be written: " + e.getMessage(), e);
        }
        if (sum != null && (written.cut() || !sum.matches())) {
            PartFiles.delete(file);
            throw new Refused(ProblemType.TUS_CHECKSUM_MISMATCH, written.cut()
                    ? "The PATCH ended before its bytes did; without all of them its " + sum.algorithm() + " checksum"
                    + " cannot be checked, so none were kept. Send them again from offset " + offset + "."
                    : "The PATCH's bytes do not have the " + sum.algorithm() + " checksum sent; none were kept. Send"
                    + " them again from offset " + offset + ".");
        }
        if (written.bytes() == 0) {
            PartFiles.delete(file);
            return now;
        }
        try {
            store.addPart(p.getId(), new UploadPart(partId, p.getId(), offset, written.bytes(), file.toString()));
        } catch (RuntimeException e) {
            PartFiles.delete(file);
            throw e;
        }
        long held = offset + written.bytes();
        if (held < p.getBytes()) {
            return new TusProgress(p, held, null);
        }
        try {
            return new TusProgress(p, held, complete(tenant, p).accepted().getId());
        } catch (RuntimeException e) {
            // not handed on (the gateway busy, the spool full): the last bytes are not acknowledged
            // either, so the client's retry of this PATCH completes the upload
            if (parted.madeBy(store.find(p.getId())) == null) {
                store.reopen(p.getId(), partId);
                PartFiles.delete(file);
            }
            throw e;
        }
    }

    /** Terminates a pending upload and removes its bytes; a delivered one stays (409). */
    public void terminate(Tenant tenant, String id) {
        PartedUpload p = store.find(tenant, PartedProtocol.TUS, id);
        if (p.getState() == PartedState.CANCELLED) {
            throw terminated(id);
        }
        store.cancel(p.getId());
        files.remove(p.getId());
        store.dropParts(p.getId());
    }

    /**
     * Takes up a completion a crash or restart cut short: the last PATCH was acknowledged, so the
     * client will not send it again; the upload is made once (keyed by the tus upload) and handed on.
     */
    public void resumeCompletion(PartedUpload p) {
        dev.uploadgateway.upload.entity.Upload made = parted.madeBy(p);
        if (made != null) {
            store.completed(p.getId(), made.getId());
            files.remove(p.getId());
            store.dropParts(p.getId());
        } else {
            complete(Tenant.of(p.getTenant()), p);
        }
    }

    private dev.uploadgateway.resumable.entity.PartedReceipt complete(Tenant tenant, PartedUpload p) {
        List<Path> ordered = store.parts(p.getId()).stream().sorted(Comparator.comparing(UploadPart::getOffset))
                .map(part -> Path.of(part.getFile())).toList();
        return parted.deliver(tenant, p, ordered);
    }

    private static Refused terminated(String id) {
        return new Refused(ProblemType.UPLOAD_NOT_FOUND, "The tus upload '" + id + "' was terminated.");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
