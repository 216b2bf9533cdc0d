package dev.uploadgateway.upload.control;

import dev.uploadgateway.audit.control.JsonLines;
import dev.uploadgateway.upload.entity.Upload;
import dev.uploadgateway.upload.entity.UploadFinished;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every finished upload as one JSON line in {@code audit.upload-events-file}; not forced to disk line
 * by line, because the uploads table holds the same records durably.
 */
@ApplicationScoped
public class UploadTrail {

    /** Once: Json's static factories look the provider up again on every call (10 % of CPU, measured). */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    @ConfigProperty(name = "audit.upload-events-file")
    String fileName;

    private JsonLines lines;

    @PostConstruct
    void open() {
        lines = new JsonLines(Path.of(fileName), false);
    }

    void record(@Observes(during = TransactionPhase.AFTER_SUCCESS) UploadFinished finished) {
        lines.append(json(finished.upload()).build().toString());
    }

    static JsonObjectBuilder json(Upload u) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("at", u.getCompletedAt().toString())
                .add("id", u.getId())
                .add("filename", u.getFilename())
                .add("bytes", u.getBytes())
                .add("sha256", u.getSha256())
                .add("provider", u.getProvider())
                .add("purpose", u.getPurpose())
                .add("path", u.getPath().label())
                .add("state", u.getState().name().toLowerCase(java.util.Locale.ROOT))
                .add("attempts", u.getAttempts())
                .add("durationMs", u.getDurationMs());
        if (u.getProviderFileId() != null) {
            b.add("providerFileId", u.getProviderFileId());
        }
        if (u.getFailureClass() != null) {
            b.add("failureClass", u.getFailureClass()).add("failureReason", u.getFailureReason());
        }
        return b;
    }
}
