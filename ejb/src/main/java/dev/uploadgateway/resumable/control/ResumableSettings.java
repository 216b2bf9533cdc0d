package dev.uploadgateway.resumable.control;

import jakarta.enterprise.context.Dependent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Uploads sent in parts ({@code uploads.*}; defaults and meaning in microprofile-config.properties),
 * checked at startup ({@code StartupValidation}) and fixed while the gateway runs.
 */
@ConfigProperties(prefix = "uploads")
@Dependent
public class ResumableSettings {

    @ConfigProperty(name = "expiry-seconds")
    @Min(60)
    @Max(2_592_000)
    public long expirySeconds;

    @ConfigProperty(name = "max-part-bytes")
    @Min(1)
    public long maxPartBytes;
}
