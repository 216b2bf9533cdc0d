package dev.uploadgateway.upload.control;

import dev.uploadgateway.upload.entity.FinishedUpload;
import dev.uploadgateway.upload.entity.Tenant;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadFinished;
import dev.uploadgateway.upload.entity.UploadNotFound;
import dev.uploadgateway.upload.entity.UploadState;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Upload records in the server's datasource. Every write commits in its own transaction: a record
 * is the durable answer to "what happened to my upload", so it must not wait for, or roll back
 * with, a delivery that takes minutes. The step into a terminal state fires {@link UploadFinished}
 * exactly once per upload; KPIs and the event trail observe it after the commit.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class UploadStore {

    @PersistenceContext(unitName = "uploads")
    EntityManager em;
    @Inject
    Event<UploadFinished> finished;

    public Upload create(Upload upload) {
        em.persist(upload);
        return upload;
    }

    /** Applies {@code change} to the stored record and commits it. */
    public Upload update(String id, Consumer<Upload> change) {
        Upload upload = em.find(Upload.class, id);
        if (upload == null) {
            throw new UploadNotFound(id);
        }
        boolean wasTerminal = upload.getState().terminal();
        change.accept(upload);
        if (!wasTerminal && upload.getState().terminal()) {
            finished.fire(new UploadFinished(upload));
        }
        return upload;
    }

    /** The tenant's upload {@code id}; another tenant's is not found, as if it did not exist. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Upload find(Tenant tenant, String id) {
        return em.createNamedQuery(Upload.TENANTS_ONE, Upload.class).setParameter("id", id)
                .setParameter("all", tenant.seesAll()).setParameter("tenant", tenant.name())
                .getResultStream().findFirst().orElseThrow(() -> new UploadNotFound(id));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Upload find(String id) {
        Upload upload = em.find(Upload.class, id);
        if (upload == null) {
            throw new UploadNotFound(id);
        }
        return upload;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Upload> byIdempotencyKey(Tenant tenant, String key) {
        return em.createNamedQuery(Upload.BY_IDEMPOTENCY_KEY, Upload.class).setParameter("key", tenant.idempotencyKey(key))
                .getResultStream().findFirst();
    }

    /** Delivered, not deleted files, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Upload> stored(Tenant tenant, int first, int max) {
        return em.createNamedQuery(Upload.STORED_NEWEST_FIRST, Upload.class)
                .setParameter("all", tenant.seesAll()).setParameter("tenant", tenant.name()).setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** The unfinished uploads {@code node} holds. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Upload> unfinishedOn(String node) {
        return em.createNamedQuery(Upload.UNFINISHED_ON, Upload.class).setParameter("node", node)
                .setParameter("states", List.of(UploadState.RECEIVED, UploadState.UPLOADING)).getResultList();
    }

    /** Uploads a crash or restart interrupted, on any node, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Upload> unfinished() {
        return em.createNamedQuery(Upload.UNFINISHED, Upload.class)
                .setParameter("states", List.of(UploadState.RECEIVED, UploadState.UPLOADING)).getResultList();
    }

    /** Uploads that finished in [from, to), newest first, at most {@code max} of them. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<FinishedUpload> finishedBetween(Instant from, Instant to, int max) {
        return em.createNamedQuery(Upload.FINISHED_BETWEEN, FinishedUpload.class)
                .setParameter("from", from).setParameter("to", to).setMaxResults(max).getResultList();
    }

    /** The tenant's records, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Upload> newest(Tenant tenant, int first, int max) {
        return em.createNamedQuery(Upload.TENANTS_NEWEST_FIRST, Upload.class)
                .setParameter("all", tenant.seesAll()).setParameter("tenant", tenant.name())
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** The tenant's records received in trace {@code traceId}, newest first (one, unless a client sent one traceparent for several uploads). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Upload> inTrace(Tenant tenant, String traceId, int max) {
        return em.createNamedQuery(Upload.TENANTS_BY_TRACE, Upload.class).setParameter("traceId", traceId)
                .setParameter("all", tenant.seesAll()).setParameter("tenant", tenant.name())
                .setMaxResults(max).getResultList();
    }

    /** Every tenant's records, newest first: for aggregates (the async-vs-sync comparison), never shown as records. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Upload> newest(int first, int max) {
        return em.createNamedQuery(Upload.ALL_NEWEST_FIRST, Upload.class)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }
}
