package dev.uploadgateway.resumable.boundary;

import dev.uploadgateway.resumable.control.Completions;
import dev.uploadgateway.resumable.control.PartFiles;
import dev.uploadgateway.resumable.control.PartedStore;
import dev.uploadgateway.resumable.entity.PartedProtocol;
import dev.uploadgateway.resumable.entity.PartedUpload;
import dev.uploadgateway.upload.entity.Upload;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every minute: a pending upload sent in parts whose time ran out ({@code uploads.expiry-seconds}
 * after it was created) is expired and its parts removed; one whose completion was cut short and
 * never taken up again is linked to the upload that completion made, or expired if it made none.
 * A tus upload whose completion was cut short (its last PATCH acknowledged) is completed, at once on
 * the first sweep after a restart: its client has nothing left to send.
 */
@Singleton
public class PartedSweep {

    private static final Logger LOG = Logger.getLogger(PartedSweep.class.getName());
    private static final int BATCH = 500;

    @Inject
    PartedStore store;
    @Inject
    PartFiles files;
    @EJB
    PartedUploads uploads;
    @EJB
    TusUploads tus;
    @Inject
    Completions completions;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void sweep() {
        Instant now = Instant.now();
        for (String id : store.due(now, BATCH)) {
            if (store.expire(id, now)) {
                removeParts(id);
            }
        }
        for (PartedUpload p : store.completing(PartedProtocol.TUS, BATCH)) {
            if (!completions.running(p.getId())) {
                try {
                    LOG.log(Level.INFO, "Completing tus upload {0}, whose completion was cut short", p.getId());
                    tus.resumeCompletion(p);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not complete tus upload {0}; trying again in a minute: {1}",
                            new Object[]{p.getId(), e.getMessage()});
                }
            }
        }
        for (String id : store.stuck(now, BATCH)) {
            Upload made = uploads.madeBy(store.find(id));
            if (made != null) {
                store.completed(id, made.getId());
            } else {
                store.expireStuck(id);
            }
            removeParts(id);
        }
    }

    private void removeParts(String id) {
        try {
            files.remove(id);
            store.dropParts(id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove the parts of upload {0}: {1}", new Object[]{id, e.getMessage()});
        }
    }
}
