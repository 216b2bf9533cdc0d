package dev.uploadgateway.provider.control;

import jakarta.enterprise.context.Dependent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The adapters' shared settings ({@code provider.connect-timeout-seconds}, the HTTP connection
 * pool's {@code provider.http.*}, {@code provider.local.dir}); fixed at startup, checked by
 * {@code StartupValidation}. Each provider's own keys ({@code provider.<name>.*}: URL, key, limits)
 * are read when used, so a rotated key applies at once.
 */
@ConfigProperties(prefix = "provider")
@Dependent
public class ProviderSettings {

    @ConfigProperty(name = "connect-timeout-seconds")
    @Min(1)
    @Max(3_600)
    public long connectTimeoutSeconds;

    @ConfigProperty(name = "http.max-connections")
    @Min(1)
    @Max(100_000)
    public int maxConnections;

    @ConfigProperty(name = "http.max-connections-per-route")
    @Min(1)
    @Max(100_000)
    public int maxConnectionsPerRoute;

    @ConfigProperty(name = "local.dir")
    @NotBlank
    public String localDir;
}
