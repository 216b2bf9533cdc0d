package dev.uploadgateway.audit.control;

import jakarta.enterprise.context.Dependent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where the two trails are written ({@code audit.*}); fixed at startup, checked by {@code StartupValidation}. */
@ConfigProperties(prefix = "audit")
@Dependent
public class AuditSettings {

    @ConfigProperty(name = "upload-events-file")
    @NotBlank
    public String uploadEventsFile;

    @ConfigProperty(name = "upload-events-queue-lines")
    @Min(1)
    @Max(1_000_000)
    public int uploadEventsQueueLines;

    @ConfigProperty(name = "upload-events-flush-millis")
    @Min(1)
    @Max(60_000)
    public long uploadEventsFlushMillis;

    @ConfigProperty(name = "rollout-events-file")
    @NotBlank
    public String rolloutEventsFile;
}
