package dev.uploadgateway.resumable.boundary;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import dev.uploadgateway.problem.entity.TooLarge;
import dev.uploadgateway.provider.control.Providers;
import dev.uploadgateway.resumable.control.Completions;
import dev.uploadgateway.resumable.control.PartFiles;
import dev.uploadgateway.resumable.control.PartedStore;
import dev.uploadgateway.resumable.control.ResumableSettings;
import dev.uploadgateway.resumable.entity.PartedProtocol;
import dev.uploadgateway.resumable.entity.PartedReceipt;
import dev.uploadgateway.resumable.entity.PartedState;
import dev.uploadgateway.resumable.entity.PartedUpload;
import dev.uploadgateway.resumable.entity.UploadPart;
import dev.uploadgateway.upload.boundary.UploadService;
import dev.uploadgateway.upload.control.Filenames;
import dev.uploadgateway.upload.control.MultipartIntake;
import dev.uploadgateway.upload.control.UploadSettings;
import dev.uploadgateway.upload.entity.Tenant;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadForm;
import dev.uploadgateway.upload.entity.UploadReceipt;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Uploads sent in parts (OpenAI's Uploads API): created with their size, name, type and purpose,
 * checked against the provider's limit at once; parts streamed to disk, forced there before they
 * are acknowledged, in any order and in parallel; completed with the parts in order, which are
 * checked (ids, total size, MD5) before anything is delivered, then joined into one upload that
 * takes the path the rollout decides for its stickiness key, like any other. A completion is
 * idempotent: the upload it makes is keyed by the parted upload, so a retry after a crash or a
 * second call answers with the same upload and never delivers twice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PartedUploads {

    private static final String COMPLETION_KEY = "parted-upload:";

    @Inject
    PartedStore store;
    @Inject
    PartFiles files;
    @Inject
    Completions completions;
    @Inject
    MultipartIntake intake;
    @Inject
    Providers providers;
    @EJB
    UploadService uploads;
    @Inject
    @ConfigProperties
    ResumableSettings settings;
    @Inject
    @ConfigProperties
    UploadSettings uploadSettings;

    /**
     * @param provider null for {@code upload.default-provider}
     * @param expiresAfterSeconds how long it takes parts, at most {@code uploads.expiry-seconds}; null for that
     */
    public PartedUpload create(Tenant tenant, String filename, long bytes, String mimeType, String provider,
                               String purpose, Long expiresAfterSeconds, String stickinessKey) {
        return open(PartedProtocol.OPENAI, tenant, filename, bytes, mimeType, provider, purpose, expiresAfterSeconds,
                stickinessKey, null);
    }

    /**
     * Records a new upload sent in parts through {@code api}, once its declaration is checked: a
     * usable name and type, 1 byte or more, within upload.max-bytes and the provider's limit for the
     * purpose (413), a known provider and purpose.
     *
     * @param metadata tus's Upload-Metadata as sent, echoed by HEAD; null for the OpenAI API
     */
    public PartedUpload open(PartedProtocol api, Tenant tenant, String filename, long bytes, String mimeType,
                             String provider, String purpose, Long expiresAfterSeconds, String stickinessKey,
                             String metadata) {
        String badName = Filenames.problem(filename);
        if (badName != null) {
            throw new Refused(ProblemType.INVALID_FILENAME, badName + ".");
        }
        if (bytes < 1) {
            throw new Refused(ProblemType.INVALID_PARAMETER, (api == PartedProtocol.TUS ? "Upload-Length" : "bytes")
                    + " must be 1 or more; got " + bytes + ".");
        }
        if (mimeType == null || mimeType.isBlank() || mimeType.length() > 255) {
            throw new Refused(ProblemType.INVALID_PARAMETER, (api == PartedProtocol.TUS ? "Upload-Metadata's filetype"
                    : "mime_type") + " must be a media type of 1 to 255 characters.");
        }
        if (bytes > uploadSettings.maxBytes) {
            throw new TooLarge("The upload would have " + bytes + " bytes; this gateway accepts at most "
                    + uploadSettings.maxBytes + " (upload.max-bytes).");
        }
        if (expiresAfterSeconds != null && (expiresAfterSeconds < 1 || expiresAfterSeconds > settings.expirySeconds)) {
            throw new Refused(ProblemType.INVALID_PARAMETER, "expires_after.seconds must be from 1 to "
                    + settings.expirySeconds + " (uploads.expiry-seconds); got " + expiresAfterSeconds + ".");
        }
        Providers.Target target = providers.target(provider, purpose);
        providers.checkSize(target, bytes);
        return store.create(new PartedUpload(api, tenant.name(), filename, mimeType.strip(), target.purpose(),
                target.provider().name(), bytes, stickinessKey,
                Duration.ofSeconds(expiresAfterSeconds == null ? settings.expirySeconds : expiresAfterSeconds))
                .withMetadata(metadata));
    }

    public PartedUpload find(Tenant tenant, String id) {
        return store.find(tenant, PartedProtocol.OPENAI, id);
    }

    /** Streams the {@code data} part of a multipart body to disk and records it; acknowledged once it is on disk. */
    public UploadPart addPart(Tenant tenant, String id, String contentType, InputStream body) {
        PartedUpload p = store.find(tenant, PartedProtocol.OPENAI, id);
        PartedStore.pending(p, "take parts"); // before a byte is read; checked again when the part is recorded
        String partId = UploadPart.newId();
        Path file = files.of(p.getId(), partId);
        try {
            long bytes = uploads.guarded(body, guarded -> intake.part(contentType, guarded, "data",
                    Math.min(settings.maxPartBytes, p.getBytes()), in -> files.write(in, file)));
            if (bytes == 0) {
                throw new Refused(ProblemType.EMPTY_FILE, "The part's data is empty.");
            }
            return store.addPart(p.getId(), new UploadPart(partId, p.getId(), bytes, file.toString()));
        } catch (IOException e) {
            PartFiles.delete(file);
            throw new UncheckedIOException("The part could not be written: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            PartFiles.delete(file);
            throw e;
        }
    }

    /**
     * Joins the parts {@code partIds} in that order and hands them on as one upload; refused, with
     * nothing delivered, when an id is not one of this upload's parts, a part is named twice, the
     * parts do not add up to the upload's size, or {@code md5} (when given) is not theirs.
     */
    public PartedReceipt complete(Tenant tenant, String id, List<String> partIds, String md5) {
        PartedUpload p = store.find(tenant, PartedProtocol.OPENAI, id);
        if (p.getState() == PartedState.COMPLETED) {
            return completedAs(tenant, p);
        }
        PartedState now = p.stateAt(Instant.now());
        if (now == PartedState.PENDING || now == PartedState.COMPLETING) {
            List<Path> ordered = ordered(p, partIds);
            if (md5 != null && !md5.isBlank()) {
                String actual = md5Of(ordered);
                if (!actual.equals(md5.strip().toLowerCase(Locale.ROOT))) {
                    throw new Refused(ProblemType.CHECKSUM_MISMATCH, "The parts' MD5 is " + actual + ", not " + md5.strip()
                            + "; nothing was delivered. Send the parts again or check the checksum.");
                }
            }
            return deliver(tenant, p, ordered);
        }
        PartedStore.pending(p, "be completed");
        throw new IllegalStateException("upload " + p.getId() + " is " + p.getState()); // pending() refused it
    }

    /**
     * Joins the files {@code ordered} (all of upload {@code p}'s bytes, checked) and hands them on as
     * one upload, keyed by {@code p} so that a completion done twice delivers once; then removes the parts.
     */
    public PartedReceipt deliver(Tenant tenant, PartedUpload p, List<Path> ordered) {
        completions.started(p.getId());
        try {
            return handOn(tenant, p, ordered);
        } finally {
            completions.ended(p.getId());
        }
    }

    private PartedReceipt handOn(Tenant tenant, PartedUpload p, List<Path> ordered) {
        p = store.beginCompletion(p.getId());
        if (p.getState() == PartedState.COMPLETED) {
            return completedAs(tenant, p); // a concurrent completion finished first
        }
        UploadReceipt receipt;
        try (InputStream joined = files.joined(ordered)) {
            receipt = uploads.assembled(tenant, new UploadForm(p.getFilename(), p.getMimeType(), p.getProvider(),
                    p.getPurpose()), joined, p.getBytes(), p.getStickinessKey(), COMPLETION_KEY + p.getId());
        } catch (IOException e) {
            Upload made = madeBy(p); // a concurrent completion made it and removed the parts
            if (made != null) {
                return completedAs(tenant, store.completed(p.getId(), made.getId()));
            }
            throw new IllegalStateException("The parts of upload " + p.getId() + " could not be read: " + e.getMessage(), e);
        }
        PartedUpload done = store.completed(p.getId(), receipt.accepted().getId());
        files.remove(p.getId());
        store.dropParts(p.getId());
        return new PartedReceipt(done, receipt.accepted(), receipt.outcome());
    }

    /** Cancels a pending upload and removes its parts; a cancelled one is answered as it is. */
    public PartedUpload cancel(Tenant tenant, String id) {
        PartedUpload p = store.cancel(store.find(tenant, PartedProtocol.OPENAI, id).getId());
        files.remove(p.getId());
        store.dropParts(p.getId());
        return p;
    }

    /** The upload a completion under this parted upload's key made, if any (one cut short may have made it). */
    public Upload madeBy(PartedUpload p) {
        return uploads.byIdempotencyKey(Tenant.of(p.getTenant()), COMPLETION_KEY + p.getId()).orElse(null);
    }

    private PartedReceipt completedAs(Tenant tenant, PartedUpload p) {
        Upload made = uploads.find(tenant, p.getUploadId());
        return new PartedReceipt(p, made, CompletableFuture.completedFuture(made));
    }

    private List<Path> ordered(PartedUpload p, List<String> partIds) {
        String upload = PartedUpload.ID_PREFIX + p.getId();
        if (partIds == null || partIds.isEmpty()) {
            throw new Refused(ProblemType.PARTS_MISMATCH, "part_ids is empty; list the parts of " + upload + " in order.");
        }
        Map<String, UploadPart> held = store.parts(p.getId()).stream()
                .collect(Collectors.toMap(UploadPart::getId, Function.identity()));
        Set<String> seen = new HashSet<>();
        List<Path> ordered = new ArrayList<>();
        long total = 0;
        for (String id : partIds) {
            UploadPart part = held.get(id);
            if (part == null) {
                throw new Refused(ProblemType.PARTS_MISMATCH, UploadPart.ID_PREFIX + id + " is not a part of " + upload
                        + "; it has " + held.size() + " part(s). Nothing was delivered.");
            }
            if (!seen.add(id)) {
                throw new Refused(ProblemType.PARTS_MISMATCH, UploadPart.ID_PREFIX + id + " is listed twice in part_ids;"
                        + " nothing was delivered.");
            }
            ordered.add(Path.of(part.getFile()));
            total += part.getBytes();
        }
        if (total != p.getBytes()) {
            throw new Refused(ProblemType.PARTS_MISMATCH, "The parts listed hold " + total + " bytes; " + upload
                    + " was created with " + p.getBytes() + ". Nothing was delivered.");
        }
        return ordered;
    }

    private String md5Of(List<Path> ordered) {
        try {
            return files.md5(ordered);
        } catch (IOException e) {
            throw new IllegalStateException("The parts could not be read for their MD5: " + e.getMessage(), e);
        }
    }
}
