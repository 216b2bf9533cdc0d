package dev.uploadgateway.audit.control;

import jakarta.enterprise.context.Dependent;
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

    @ConfigProperty(name = "rollout-events-file")
    @NotBlank
    public String rolloutEventsFile;
}
