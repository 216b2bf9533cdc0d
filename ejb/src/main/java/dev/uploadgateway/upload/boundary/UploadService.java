package dev.uploadgateway.upload.boundary;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import dev.uploadgateway.rollout.control.RolloutDecider;
import dev.uploadgateway.rollout.entity.Decision;
import dev.uploadgateway.trace.control.UploadSpans;
import dev.uploadgateway.upload.control.Acceptance;
import dev.uploadgateway.upload.control.AsyncAttempt;
import dev.uploadgateway.upload.control.AsyncAdmission;
import dev.uploadgateway.upload.control.BodyWatch;
import dev.uploadgateway.upload.control.Delivery;
import dev.uploadgateway.upload.control.Forwarder;
import dev.uploadgateway.upload.control.HeaderLimits;
import dev.uploadgateway.upload.control.MultipartIntake;
import dev.uploadgateway.upload.control.ReceivedUpload;
import dev.uploadgateway.upload.control.RequestThreads;
import dev.uploadgateway.upload.control.SyncAdmission;
import dev.uploadgateway.upload.control.UploadStore;
import dev.uploadgateway.upload.control.UploadsCsv;
import dev.uploadgateway.upload.entity.IncomingUpload;
import dev.uploadgateway.upload.entity.SpoolFull;
import dev.uploadgateway.upload.entity.Tenant;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadFinished;
import dev.uploadgateway.upload.entity.UploadForm;
import dev.uploadgateway.upload.entity.UploadPath;
import dev.uploadgateway.upload.entity.UploadReceipt;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import io.opentelemetry.api.trace.Span;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The upload facade. The rollout decides per request which path an upload takes: the legacy sync
 * path reads the file into heap and delivers it on the caller's thread; the async path streams it
 * onto the spool and, while it arrives, to the provider ({@link Forwarder}); a first attempt that
 * fails, or an upload that was not forwarded, is sent from the spool by {@link AsyncAttempt}, an
 * {@code @Asynchronous} bean guarded by Fault Tolerance whose numbers come from
 * {@code async.upload.*} (see microprofile-config.properties).
 * Holds no transaction of its own: an upload can take minutes, and every record write commits on
 * its own in {@link UploadStore}.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UploadService implements LocalUploads {

    private static final int CSV_PAGE = 1000;

    @Inject
    AsyncAttempt attempts;
    @Inject
    RolloutDecider decider;
    @Inject
    MultipartIntake intake;
    @Inject
    Acceptance acceptance;
    @Inject
    AsyncAdmission admission;
    @Inject
    SyncAdmission syncAdmission;
    @Inject
    UploadStore store;
    @Inject
    RequestThreads requestThreads;
    @Inject
    Event<UploadFinished> finished;
    @Inject
    BodyWatch bodies;
    @Inject
    Forwarder forwarder;
    @Inject
    UploadSpans spans;

    /**
     * Reads a multipart body and takes the upload on; the receipt's stage completes when it has ended.
     * The calling request thread is one of {@link RequestThreads}' places until the body is read (and,
     * on the sync path, delivered), and the body is under {@link BodyWatch} while it is read.
     */
    public UploadReceipt receive(IncomingUpload incoming) {
        HeaderLimits.check(decider.stickinessHeader(), incoming.stickinessKey(), incoming.idempotencyKey());
        Decision decision = decider.decide(incoming.stickinessKey());
        try (RequestThreads.Place place = requestThreads.take(); BodyWatch.Watched body = bodies.watch(incoming.body())) {
            IncomingUpload watched = incoming.withBody(body);
            MultipartIntake.Forwarding forwarding = (provider, purpose, filename, type, spool) -> forwarder.start(
                    incoming.tenant(), incoming.idempotencyKey(), provider, purpose, filename, type, spool);
            return admitted(decision, incoming.tenant(), incoming.idempotencyKey(), incoming.contentLength(),
                    heap -> intake.receive(watched, heap, forwarding));
        }
    }

    /** Reads a request body that is a piece of an upload (a part, a tus PATCH). */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /**
     * Reads {@code body}, a piece of an upload sent in parts, under the guards of an upload's body:
     * one of {@link RequestThreads}' places while it is read (503 with Retry-After when none is
     * free) and {@link BodyWatch}, which cuts a silent or too slow body (408).
     */
    public <T> T guarded(InputStream body, BodyReader<T> reader) throws IOException {
        try (RequestThreads.Place place = requestThreads.take(); BodyWatch.Watched watched = bodies.watch(body)) {
            return reader.read(watched);
        }
    }

    /**
     * An upload whose content comes as a plain stream with its form given as arguments (in-server
     * callers, the remote EJB view): the same rollout decision, limits, paths and records.
     */
    public CompletionStage<Upload> upload(Tenant tenant, UploadForm form, InputStream content, String stickinessKey) {
        HeaderLimits.check("stickiness key", stickinessKey, null);
        Decision decision = decider.decide(stickinessKey);
        return admitted(decision, tenant, null, -1, heap -> intake.receive(form, content, heap)).outcome();
    }

    /**
     * An upload assembled in the gateway (the joined parts of a parted upload) as a plain stream of
     * {@code bytes} bytes: the same rollout decision, limits, paths and records as any upload; under
     * {@code idempotencyKey} a second call replays the first's record instead of delivering again.
     */
    public UploadReceipt assembled(Tenant tenant, UploadForm form, InputStream content, long bytes, String stickinessKey,
                                   String idempotencyKey) {
        HeaderLimits.check("stickiness key", stickinessKey, idempotencyKey);
        Decision decision = decider.decide(stickinessKey);
        return admitted(decision, tenant, idempotencyKey, bytes, heap -> intake.receive(form, content, heap));
    }

    /**
     * An async upload holds a place from its first byte to its end; a full gateway refuses before
     * reading. A sync upload holds heap room from before its first byte until its delivery ended
     * (the sync path answers only then); the intake step gets that hold, or null to spool.
     */
    private UploadReceipt admitted(Decision decision, Tenant tenant, String idempotencyKey, long declaredLength,
                                   Function<SyncAdmission.Hold, ReceivedUpload> intakeStep) {
        long start = System.nanoTime();
        if (decision.path() != UploadPath.ASYNC) {
            try (SyncAdmission.Hold heap = syncAdmission.admit(declaredLength)) {
                return acceptance.accept(intake(intakeStep, heap), decision, tenant, idempotencyKey, start, this::dispatch);
            }
        }
        admission.admit();
        try {
            UploadReceipt receipt = acceptance.accept(intake(intakeStep, null), decision, tenant, idempotencyKey, start, this::dispatch);
            receipt.outcome().whenComplete((upload, failure) -> admission.release());
            return receipt;
        } catch (SpoolFull full) {
            admission.release();
            spoolWriteFailed(full, decision, start);
            throw full;
        } catch (RuntimeException e) {
            admission.release();
            throw e;
        }
    }

    /** The intake step in its own span, with what it took in: bytes and SHA-256. */
    private ReceivedUpload intake(Function<SyncAdmission.Hold, ReceivedUpload> intakeStep, SyncAdmission.Hold heap) {
        Span span = spans.intake();
        try {
            ReceivedUpload received = intakeStep.apply(heap);
            UploadSpans.received(span, received.bytes(), received.sha256());
            return received;
        } catch (RuntimeException e) {
            UploadSpans.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * An async upload the spool could not take never gets a record, but the rollout, the metrics and
     * the trail hear of it as a failed async upload of class {@value SpoolFull#ERROR_CLASS}.
     */
    private void spoolWriteFailed(SpoolFull full, Decision decision, long start) {
        Upload refused = new Upload(full.filename() == null ? "(unknown)" : full.filename(), null, 0, "", "none", "none",
                UploadPath.ASYNC, decision.stickinessKey(), null, null);
        refused.failed(SpoolFull.ERROR_CLASS, full.getMessage(), UploadPath.ASYNC, 0,
                (System.nanoTime() - start) / 1_000_000);
        finished.fire(new UploadFinished(refused));
    }

    private void dispatch(Delivery delivery) {
        attempts.deliver(delivery);
    }

    /** Takes up an async upload that a crash or restart interrupted, from its spool file. */
    public void resume(Upload interrupted) {
        acceptance.resume(interrupted, this::dispatch);
    }

    /** The tenant's newest records first; {@code limit} must be 1-500 and {@code offset} not negative. */
    public List<Upload> newest(Tenant tenant, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new Refused(ProblemType.INVALID_PAGE,
                    "offset must be 0 or more and limit from 1 to 500; got offset " + offset + ", limit " + limit + ".");
        }
        return store.newest(tenant, offset, limit);
    }

    /** The tenant's records as CSV, newest first, read in pages so the export never loads the whole table. */
    public void exportCsv(Tenant tenant, Writer out) {
        UploadsCsv.write(out, offset -> store.newest(tenant, offset, CSV_PAGE), CSV_PAGE);
    }

    /** The tenant's upload {@code id}; another tenant's is not found. */
    public Upload find(Tenant tenant, String id) {
        return store.find(tenant, id);
    }

    /** The tenant's uploads received in trace {@code traceId} (32 hex digits), newest first, at most {@code limit}. */
    public List<Upload> inTrace(Tenant tenant, String traceId, int limit) {
        if (traceId == null || !traceId.matches("[0-9a-f]{32}")) {
            throw new Refused(ProblemType.INVALID_PARAMETER,
                    "traceId must be a W3C trace id: 32 lower-case hexadecimal digits, as the record and problem bodies show it.");
        }
        if (limit < 1 || limit > 500) {
            throw new Refused(ProblemType.INVALID_PAGE, "limit must be from 1 to 500; got " + limit + ".");
        }
        return store.inTrace(tenant, traceId, limit);
    }

    /** The tenant's upload made under {@code idempotencyKey}, if there is one. */
    public java.util.Optional<Upload> byIdempotencyKey(Tenant tenant, String idempotencyKey) {
        return store.byIdempotencyKey(tenant, idempotencyKey);
    }

    /** The header whose value keeps a caller on one path. */
    public String stickinessHeader() {
        return decider.stickinessHeader();
    }
}
