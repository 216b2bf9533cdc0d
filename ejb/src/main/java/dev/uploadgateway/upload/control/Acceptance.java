package dev.uploadgateway.upload.control;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import dev.uploadgateway.provider.control.Providers;
import dev.uploadgateway.provider.entity.FileContent;
import dev.uploadgateway.rollout.entity.Decision;
import dev.uploadgateway.trace.control.UploadSpans;
import dev.uploadgateway.upload.entity.Tenant;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadPath;
import dev.uploadgateway.upload.entity.UploadReceipt;
import dev.uploadgateway.upload.entity.UploadState;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import dev.uploadgateway.rollout.control.ThisNode;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a received body into an upload the gateway answers for: checks it against the provider,
 * honours an Idempotency-Key, commits the record, then delivers it (sync) or hands it to the async
 * path. Once the record is committed the upload is never dropped: its bytes are on the spool and a
 * restart resumes it.
 */
@ApplicationScoped
public class Acceptance {

    private static final Logger LOG = Logger.getLogger(Acceptance.class.getName());

    @Inject
    ThisNode node;
    @Inject
    Providers providers;
    @Inject
    UploadStore store;
    @Inject
    LegacyDelivery legacy;
    @Inject
    Spool spoolDir;
    @Inject
    Forwarder forwarder;
    @Inject
    UploadSpans spans = UploadSpans.off();

    public UploadReceipt accept(ReceivedUpload received, Decision decision, Tenant tenant, String idempotencyKey, long start,
                                Consumer<Delivery> dispatch) {
        Upload record;
        Providers.Target target;
        Forward forward = received.forward();
        boolean released = false;
        try {
            target = providers.target(received.provider(), received.purpose());
            Optional<UploadReceipt> replay = replay(tenant, idempotencyKey, received, target);
            if (replay.isPresent()) {
                return replay.get();
            }
            providers.checkSize(target, received.bytes());
            if (forward != null && !forward.matches(received, target)) {
                // form fields after the file part changed where or as what it goes: spooled, then sent
                forward.abort("the form after the file part asks for another provider, purpose or name");
                forward = null;
            } else if (forward != null && forward.spool().aborted() != null) {
                forward = null; // stopped before the provider had the whole body (say, a length other than predicted)
            }
            Optional<Upload> created = create(received, target, decision, tenant, idempotencyKey, forward);
            if (created.isEmpty()) {
                // a concurrent request with the same key committed first: answer as its replay
                return replay(tenant, idempotencyKey, received, target).orElseThrow();
            }
            record = created.get();
            if (forward != null) {
                forward.spool().release();
                released = true;
            }
        } catch (RuntimeException e) {
            Spool.release(received.content());
            throw e;
        } finally {
            if (forward != null && !released) {
                forward.abort("the upload was not taken on");
            }
        }
        if (decision.path() == UploadPath.SYNC) {
            Upload done = legacy.deliver(record.getId(), received, target, (FileContent.InMemory) received.content(),
                    UploadPath.SYNC, 1, start);
            return new UploadReceipt(done, CompletableFuture.completedFuture(done), false);
        }
        Delivery delivery = new Delivery(record.getId(), received, target, start, record.getCreatedAt(), Context.current());
        if (forward != null) {
            forwarder.settle(forward, delivery, dispatch);
        } else {
            dispatch.accept(delivery);
        }
        return new UploadReceipt(record, delivery.outcome(), false);
    }

    /** Starts the async delivery of an interrupted upload again; a sync one cannot be resumed. */
    public void resume(Upload interrupted, Consumer<Delivery> dispatch) {
        Path spool = interrupted.getSpoolFile() == null ? null : Path.of(interrupted.getSpoolFile());
        if (spool != null && spool.toFile().exists() && !spoolDir.contains(spool)) {
            LOG.log(Level.WARNING, "Upload {0} names a spool file outside upload.spool-dir; not sent",
                    interrupted.getId());
            store.update(interrupted.getId(), u -> u.failed("spool-outside-spool-dir", "The record names a file"
                    + " outside the spool directory; the gateway sends only its own spool files.", u.getPath(),
                    u.getAttempts(), u.getDurationMs()));
            return;
        }
        if (spool == null || !spool.toFile().isFile()) {
            store.update(interrupted.getId(), u -> u.failed("interrupted", "The gateway stopped while this upload"
                    + " was on the sync path, which keeps no copy; it was never acknowledged.", u.getPath(),
                    u.getAttempts(), u.getDurationMs()));
            return;
        }
        if (!Spool.holds(spool, interrupted.getBytes(), interrupted.getSha256())) {
            // Only a spool that was not forced to disk can come back short: its caller was waiting for
            // the delivery and got no answer, so nothing acknowledged is lost; sending it would be.
            store.update(interrupted.getId(), u -> u.failed("spool-incomplete", "The machine stopped before this"
                    + " upload's bytes reached the disk; it was never acknowledged. Send it again.", u.getPath(),
                    u.getAttempts(), u.getDurationMs()));
            Spool.delete(spool);
            return;
        }
        ReceivedUpload received = new ReceivedUpload(interrupted.getFilename(), interrupted.getContentType(),
                interrupted.getBytes(), interrupted.getSha256(), new FileContent.Spooled(spool, interrupted.getBytes()),
                interrupted.getProvider(), interrupted.getPurpose());
        Providers.Target target = providers.target(interrupted.getProvider(), interrupted.getPurpose());
        // in the trace the upload was received in: its attempts after the restart are the recovery's children
        Span recovery = spans.recovery(interrupted.getTraceParent(), interrupted.getId(), interrupted.getProvider(),
                interrupted.getAttempts());
        Context trace = Context.root().with(recovery);
        Delivery delivery = new Delivery(interrupted.getId(), received, target, System.nanoTime(),
                interrupted.getCreatedAt(), trace);
        delivery.resumeAfter(interrupted.getAttempts());
        delivery.outcome().whenComplete((upload, failure) -> {
            if (failure != null) {
                UploadSpans.failed(recovery, failure);
            }
            recovery.end();
        });
        try (Scope current = trace.makeCurrent()) {
            if (interrupted.getState() == UploadState.UPLOADING) {
                // An attempt was in flight: the provider may hold the file already. Adopt it if so.
                delivery.reconcile();
            }
            LOG.log(Level.INFO, "Resuming upload {0} ({1} bytes) from its spool file", new Object[]{interrupted.getId(),
                    interrupted.getBytes()});
            dispatch.accept(delivery);
        } catch (RuntimeException e) {
            UploadSpans.failed(recovery, e);
            recovery.end();
            throw e;
        }
    }

    /**
     * Commits the upload's record: its first write, made as attempt 1 (delivery starts at once, or
     * a forwarded attempt is under way), so that a crash from here on reconciles with the provider
     * before sending again. Empty when a concurrent request with the same Idempotency-Key won.
     */
    private Optional<Upload> create(ReceivedUpload received, Providers.Target target, Decision decision, Tenant tenant,
                                    String idempotencyKey, Forward forward) {
        String spool = received.content() instanceof FileContent.Spooled s ? s.file().toString() : null;
        Upload upload = new Upload(received.filename(), received.contentType(), received.bytes(), received.sha256(),
                target.provider().name(), target.purpose(), decision.path(), decision.stickinessKey(), spool,
                null).ownedBy(tenant, idempotencyKey).heldBy(node.id());
        if (spans.on()) {
            upload.traced(UploadSpans.traceId(Context.current()), UploadSpans.traceparent(Context.current()));
        }
        if (forward != null) {
            upload.identified(forward.uploadId());
        }
        upload.uploading(1);
        try {
            return Optional.of(store.create(upload));
        } catch (EJBException e) {
            if (idempotencyKey != null && store.byIdempotencyKey(tenant, idempotencyKey).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** An earlier upload under the same key: the same upload again is a replay; anything else a conflict. */
    private Optional<UploadReceipt> replay(Tenant tenant, String idempotencyKey, ReceivedUpload received,
                                           Providers.Target target) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return store.byIdempotencyKey(tenant, idempotencyKey).map(earlier -> {
            if (!earlier.getSha256().equals(received.sha256())) {
                throw reused("Idempotency-Key '" + idempotencyKey + "' was used for different content (upload "
                                + earlier.getId() + "); use a new key for a new file.");
            }
            if (!earlier.getProvider().equals(target.provider().name()) || !earlier.getPurpose().equals(target.purpose())) {
                throw reused("Idempotency-Key '" + idempotencyKey + "' was used for the same file to provider "
                                + earlier.getProvider() + " with purpose " + earlier.getPurpose() + " (upload "
                                + earlier.getId() + "); this request asks for " + target.provider().name()
                                + " with purpose " + target.purpose() + ". Use a new key for a new delivery.");
            }
            Spool.release(received.content());
            return new UploadReceipt(earlier, CompletableFuture.completedFuture(earlier), true);
        });
    }

    private static Refused reused(String detail) {
        return new Refused(ProblemType.IDEMPOTENCY_KEY_REUSED, detail);
    }
}
