package dev.uploadgateway.rollout.control;

import jakarta.enterprise.context.Dependent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long the leader's lease runs in the cluster that shares one rollout through the database
 * (checked by {@code StartupValidation}); the node's name and URL are {@link ThisNode}'s. Fixed at startup.
 */
@ConfigProperties(prefix = "cluster")
@Dependent
public class ClusterSettings {

    @ConfigProperty(name = "lease-seconds")
    @Min(3)
    @Max(300)
    public int leaseSeconds;
}
