package dev.uploadgateway.upload.control;

import dev.uploadgateway.audit.control.AuditSettings;
import dev.uploadgateway.audit.control.JsonLines;
import dev.uploadgateway.audit.control.WriteBehindLines;
import dev.uploadgateway.upload.entity.UploadFinished;
import dev.uploadgateway.upload.entity.UploadView;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Every finished upload as one JSON line in {@code audit.upload-events-file}, written behind the
 * uploads by one writer ({@link WriteBehindLines}): an upload only queues its line, so no upload waits
 * for the file or for another upload's line. Not forced to disk, and a kill -9 loses what had not been
 * written yet (at most {@code audit.upload-events-queue-lines} lines, about the last
 * {@code audit.upload-events-flush-millis}), because the uploads table holds the same records durably.
 */
@ApplicationScoped
public class UploadTrail {

    /** Once: Json's static factories look the provider up again on every call (10 % of CPU, measured). */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    @ConfigProperties
    AuditSettings settings;
    @Inject
    MetricRegistry registry;
    @Resource
    ManagedThreadFactory threads;

    private WriteBehindLines lines;

    @PostConstruct
    void open() {
        lines = new WriteBehindLines(new JsonLines(Path.of(settings.uploadEventsFile), false),
                settings.uploadEventsQueueLines, Duration.ofMillis(settings.uploadEventsFlushMillis), threads);
        lines.start();
        registry.gauge(Metadata.builder().withName("upload_trail_lost_lines").withDescription(
                "Lines of the upload trail lost since start: dropped on a full queue, or whose write failed")
                .withUnit(MetricUnits.NONE).build(), lines, WriteBehindLines::lost);
    }

    @PreDestroy
    void close() {
        lines.close();
    }

    void record(@Observes(during = TransactionPhase.AFTER_SUCCESS) UploadFinished finished) {
        lines.append(json(finished.upload().view()).build().toString());
    }

    static JsonObjectBuilder json(UploadView u) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("at", u.completedAt().toString())
                .add("id", u.id())
                .add("filename", u.filename())
                .add("bytes", u.bytes())
                .add("sha256", u.sha256())
                .add("provider", u.provider())
                .add("purpose", u.purpose())
                .add("path", u.path())
                .add("state", u.state())
                .add("attempts", u.attempts())
                .add("durationMs", u.durationMs());
        if (u.providerFileId() != null) {
            b.add("providerFileId", u.providerFileId());
        }
        if (u.failureClass() != null) {
            b.add("failureClass", u.failureClass()).add("failureReason", u.failureReason());
        }
        if (u.traceId() != null) {
            b.add("traceId", u.traceId());
        }
        return b;
    }
}
