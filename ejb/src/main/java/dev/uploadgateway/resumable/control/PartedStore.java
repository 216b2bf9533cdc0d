package dev.uploadgateway.resumable.control;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import dev.uploadgateway.problem.entity.TooLarge;
import dev.uploadgateway.resumable.entity.PartedProtocol;
import dev.uploadgateway.resumable.entity.PartedState;
import dev.uploadgateway.resumable.entity.PartedUpload;
import dev.uploadgateway.resumable.entity.UploadPart;
import dev.uploadgateway.upload.entity.Tenant;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Uploads sent in parts and their parts, in the records' datasource. Every call is a transaction of
 * its own that locks the upload's row before it looks at its state, so a part, a completion, a
 * cancellation and the expiry sweep never cross: a part is acknowledged only if it was recorded while
 * the upload was pending.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PartedStore {

    @PersistenceContext(unitName = "uploads")
    EntityManager em;

    public PartedUpload create(PartedUpload upload) {
        em.persist(upload);
        return upload;
    }

    /** The tenant's upload {@code id} made through {@code api}; another tenant's or API's is not found, as if it did not exist. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public PartedUpload find(Tenant tenant, PartedProtocol api, String id) {
        PartedUpload p = id == null ? null : em.find(PartedUpload.class, id);
        if (p == null || p.getProtocol() != api || !tenant.seesAll() && !tenant.name().equals(p.getTenant())) {
            throw api == PartedProtocol.TUS ? new Refused(ProblemType.UPLOAD_NOT_FOUND, "No tus upload has the id '" + id + "'.")
                    : notFound(id);
        }
        return p;
    }

    /** The bytes acknowledged so far: tus's offset. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long held(String parted) {
        // summed by the database, not by loading every part; a Number, as PostgreSQL sums a bigint to a numeric
        return ((Number) em.createNamedQuery(UploadPart.HELD).setParameter("parted", parted).getSingleResult()).longValue();
    }

    /** Takes back part {@code part} of a tus upload whose completion made no upload: pending again, without it. */
    public void reopen(String parted, String part) {
        PartedUpload p = locked(parted);
        if (p.getState() == PartedState.COMPLETING && p.getUploadId() == null) {
            p.moveTo(PartedState.PENDING);
        }
        em.createQuery("delete from UploadPart p where p.id = :part").setParameter("part", part).executeUpdate();
    }

    public static Refused offsetMismatch(long claimed, long held) {
        return new Refused(ProblemType.OFFSET_MISMATCH, "Upload-Offset is " + claimed + ", but the upload holds " + held
                + " bytes: send a HEAD for the offset and go on from there.");
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<UploadPart> parts(String parted) {
        return em.createNamedQuery(UploadPart.OF, UploadPart.class).setParameter("parted", parted).getResultList();
    }

    /**
     * Records a part whose bytes are on disk, if the upload still takes parts and has room for it,
     * and, for a tus part, if the upload's offset is still the part's: of two PATCHes at one offset
     * (two nodes, a client's retry) one is recorded, the other refused with nothing kept.
     */
    public UploadPart addPart(String parted, UploadPart part) {
        PartedUpload p = locked(parted);
        pending(p, "take parts");
        long held = held(parted);
        if (part.getOffset() != null && part.getOffset() != held) {
            throw offsetMismatch(part.getOffset(), held);
        }
        if (held + part.getBytes() > p.getBytes()) {
            throw new TooLarge("This part of " + part.getBytes() + " bytes would make the upload's parts " + (held + part.getBytes())
                    + " bytes, more than the " + p.getBytes() + " bytes it was created with.");
        }
        em.persist(part);
        return part;
    }

    /**
     * Takes the upload from pending (or from a completion that was cut short) to completing; a
     * completed one is answered as it is, a cancelled or expired one refused.
     */
    public PartedUpload beginCompletion(String parted) {
        PartedUpload p = locked(parted);
        if (p.stateAt(Instant.now()) == PartedState.PENDING) {
            p.moveTo(PartedState.COMPLETING);
        } else if (p.getState() != PartedState.COMPLETING && p.getState() != PartedState.COMPLETED) {
            pending(p, "be completed");
        }
        return p;
    }

    public PartedUpload completed(String parted, String uploadId) {
        PartedUpload p = locked(parted);
        p.completedAs(uploadId);
        return p;
    }

    /** Cancels a pending upload (a cancelled one stays so); one that is completing or completed is refused. */
    public PartedUpload cancel(String parted) {
        PartedUpload p = locked(parted);
        if (p.stateAt(Instant.now()) == PartedState.PENDING) {
            p.moveTo(PartedState.CANCELLED);
        } else if (p.getState() != PartedState.CANCELLED) {
            pending(p, "be cancelled");
        }
        return p;
    }

    /** Pending uploads whose time ran out by {@code now}, at most {@code max}, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> due(Instant now, int max) {
        return em.createNamedQuery(PartedUpload.EXPIRED, PartedUpload.class).setParameter("state", PartedState.PENDING)
                .setParameter("now", now).setMaxResults(max).getResultList().stream().map(PartedUpload::getId).toList();
    }

    /** Completions cut short and not taken up again by the upload's expiry, at most {@code max}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> stuck(Instant now, int max) {
        return em.createNamedQuery(PartedUpload.EXPIRED, PartedUpload.class).setParameter("state", PartedState.COMPLETING)
                .setParameter("now", now).setMaxResults(max).getResultList().stream().map(PartedUpload::getId).toList();
    }

    /** Uploads made through {@code api} that are completing, at most {@code max}, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<PartedUpload> completing(PartedProtocol api, int max) {
        return em.createNamedQuery(PartedUpload.IN_STATE, PartedUpload.class).setParameter("state", PartedState.COMPLETING)
                .setParameter("protocol", api).setMaxResults(max).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public PartedUpload find(String id) {
        PartedUpload p = em.find(PartedUpload.class, id);
        if (p == null) {
            throw notFound(id);
        }
        return p;
    }

    /** Expires a completion that was cut short and made no upload. */
    public void expireStuck(String parted) {
        PartedUpload p = locked(parted);
        if (p.getState() == PartedState.COMPLETING) {
            p.moveTo(PartedState.EXPIRED);
        }
    }

    /** Expires upload {@code parted} if it is still pending and its time ran out by {@code now}. */
    public boolean expire(String parted, Instant now) {
        PartedUpload p = locked(parted);
        if (p.getState() != PartedState.PENDING || p.getExpiresAt().isAfter(now)) {
            return false;
        }
        p.moveTo(PartedState.EXPIRED);
        return true;
    }

    /** Forgets upload {@code parted}'s parts (their files are gone or going). */
    public void dropParts(String parted) {
        em.createQuery("delete from UploadPart p where p.partedId = :parted").setParameter("parted", parted).executeUpdate();
    }

    private PartedUpload locked(String parted) {
        PartedUpload p = em.find(PartedUpload.class, parted, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw notFound(parted);
        }
        return p;
    }

    /** Refuses, naming why, unless upload {@code p} is pending: what it cannot do is {@code what}. */
    public static void pending(PartedUpload p, String what) {
        if (p.stateAt(Instant.now()) == PartedState.EXPIRED) {
            throw new Refused(ProblemType.UPLOAD_EXPIRED, "Upload " + PartedUpload.ID_PREFIX + p.getId() + " expired at "
                    + p.getExpiresAt() + " and cannot " + what + "; create a new one.");
        }
        if (p.getState() != PartedState.PENDING) {
            throw new Refused(ProblemType.UPLOAD_NOT_PENDING, "Upload " + PartedUpload.ID_PREFIX + p.getId() + " is "
                    + p.getState().label() + " and cannot " + what + ".");
        }
    }

    private static Refused notFound(String id) {
        return new Refused(ProblemType.UPLOAD_NOT_FOUND, "No upload has the id '" + PartedUpload.ID_PREFIX + id + "'.");
    }
}
