package dev.uploadgateway.upload.control;

import dev.uploadgateway.audit.control.AuditSettings;
import dev.uploadgateway.audit.control.JsonLines;
import dev.uploadgateway.upload.entity.UploadFinished;
import dev.uploadgateway.upload.entity.UploadView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Every finished upload as one JSON line in {@code audit.upload-events-file}; not forced to disk line
 * by line, because the uploads table holds the same records durably.
 */
@ApplicationScoped
public class UploadTrail {

    /** Once: Json's static factories look the provider up again on every call (10 % of CPU, measured). */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    @ConfigProperties
    AuditSettings settings;

    private JsonLines lines;

    @PostConstruct
    void open() {
        lines = new JsonLines(Path.of(settings.uploadEventsFile), false);
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
        return b;
    }
}
