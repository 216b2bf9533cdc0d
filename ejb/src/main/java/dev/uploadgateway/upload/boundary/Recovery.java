package dev.uploadgateway.upload.boundary;

import dev.uploadgateway.rollout.control.ClusterSettings;
import dev.uploadgateway.rollout.control.RolloutController;
import dev.uploadgateway.rollout.entity.ClusterNode;
import dev.uploadgateway.upload.control.Spool;
import dev.uploadgateway.upload.control.Takeover;
import dev.uploadgateway.upload.control.UploadSettings;
import dev.uploadgateway.upload.control.UploadStore;
import dev.uploadgateway.upload.entity.Upload;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On start, resumes every upload a crash or restart left unfinished on this node (and those from
 * before nodes were recorded, taken by one node only), from its spool file. With a spool directory
 * every node shares ({@code upload.spool-shared}), takes over and resumes a gone node's unfinished
 * uploads once its heartbeat is older than the lease, once per node that goes, and sends them once
 * any attempt the gone node had under way is past {@code async.upload.timeout} (the provider may
 * still be storing a body it received in full, and would be sent a second copy). Every hour, removes
 * spool files no upload needs any more (failed uploads' after their retention), so the disk does not
 * fill up.
 */
@Startup
@Singleton
public class Recovery {

    private static final Logger LOG = Logger.getLogger(Recovery.class.getName());

    @Inject
    UploadStore store;
    @Inject
    RolloutController cluster;
    @Inject
    Takeover takeover;
    @Inject
    @ConfigProperties
    ClusterSettings clusterSettings;
    @EJB
    UploadService uploads;
    @Inject
    @ConfigProperties
    UploadSettings settings;
    @Inject
    @ConfigProperty(name = "async.upload.timeout")
    long attemptTimeoutSeconds;
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;

    /** Gone nodes whose uploads were taken over (or found none), until they are seen alive again. */
    private final Set<String> settled = new HashSet<>();

    @PostConstruct
    void resumeUnfinished() {
        // cluster.node() has this node joined and its first heartbeat written: no other node takes over
        // its uploads from here on, and it resumes only what is its own when it reads them
        String me = cluster.node();
        List<String> unheld = takeover.unheld(me);
        if (!unheld.isEmpty()) {
            LOG.log(Level.INFO, "Node {0} takes {1} unfinished uploads that name no node", new Object[]{me, unheld.size()});
        }
        store.unfinishedOn(me).forEach(this::resume); // another node's are its own, or its taker's
    }

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    void takeOverGoneNodes() {
        if (!settings.spoolShared) {
            return; // a node's spool is its own: its uploads wait for it to restart
        }
        String me = cluster.node();
        for (ClusterNode n : cluster.nodes()) {
            if (n.alive() || n.id().equals(me)) {
                settled.remove(n.id());
            } else if (!settled.contains(n.id())) {
                try {
                    List<String> taken = takeover.fromGone(n.id(), me, clusterSettings.leaseSeconds);
                    settled.add(n.id());
                    if (!taken.isEmpty()) {
                        LOG.log(Level.WARNING, "Node {0} takes over {1} unfinished uploads of node {2}, gone since {3};"
                                + " sends them in {4} s, once an attempt the node had under way is past its timeout",
                                new Object[]{me, taken.size(), n.id(), n.lastSeen(), attemptTimeoutSeconds});
                        // the gone node's last attempt may have sent its whole body: the provider has until
                        // the attempt's timeout to store it, and the reconcile before sending finds it then
                        scheduler.schedule(() -> taken.forEach(id -> resume(store.find(id))), attemptTimeoutSeconds,
                                TimeUnit.SECONDS);
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not take over node {0}''s uploads; trying again: {1}",
                            new Object[]{n.id(), e.getMessage()});
                }
            }
        }
    }

    private void resume(Upload interrupted) {
        try {
            uploads.resume(interrupted);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not resume upload {0}: {1}", new Object[]{interrupted.getId(), e.getMessage()});
        }
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    void sweepSpool() {
        Set<String> needed = new HashSet<>();
        store.unfinished().forEach(u -> needed.add(u.getSpoolFile()));
        Instant cutoff = Instant.now().minus(Duration.ofHours(settings.failedSpoolRetentionHours));
        try (Stream<Path> files = Files.list(Path.of(settings.spoolDir))) {
            files.filter(Files::isRegularFile) // parts/ holds the parts of uploads sent in parts, swept with them
                    .filter(f -> !needed.contains(f.toString()))
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
