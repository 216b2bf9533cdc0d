package dev.uploadgateway.upload.boundary;

import dev.uploadgateway.upload.boundary.UploadService;
import dev.uploadgateway.upload.control.Spool;
import dev.uploadgateway.upload.control.UploadSettings;
import dev.uploadgateway.upload.control.UploadStore;
import dev.uploadgateway.upload.entity.Upload;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import dev.uploadgateway.rollout.control.ThisNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * On start, resumes every upload a crash or restart left unfinished on this node (and those from
 * before nodes were recorded), from its spool file; every
 * hour, removes spool files no upload needs any more (failed uploads' after their retention), so
 * the disk does not fill up.
 */
@Startup
@Singleton
public class Recovery {

    private static final Logger LOG = Logger.getLogger(Recovery.class.getName());

    @Inject
    UploadStore store;
    @Inject
    ThisNode node;
    @EJB
    UploadService uploads;
    @Inject
    @ConfigProperties
    UploadSettings settings;

    @PostConstruct
    void resumeUnfinished() {
        for (Upload interrupted : store.unfinishedOn(node.id())) { // another live node's are its own
            try {
                uploads.resume(interrupted);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not resume upload {0}: {1}", new Object[]{interrupted.getId(), e.getMessage()});
            }
        }
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    void sweepSpool() {
        Set<String> needed = new HashSet<>();
        store.unfinished().forEach(u -> needed.add(u.getSpoolFile()));
        Instant cutoff = Instant.now().minus(Duration.ofHours(settings.failedSpoolRetentionHours));
        try (Stream<Path> files = Files.list(Path.of(settings.spoolDir))) {
            files.filter(f -> !needed.contains(f.toString()))
                    .filter(f -> modified(f).isBefore(cutoff))
                    .forEach(Spool::delete);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not sweep the spool directory: {0}", e.getMessage());
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.MAX;
        }
    }
}
