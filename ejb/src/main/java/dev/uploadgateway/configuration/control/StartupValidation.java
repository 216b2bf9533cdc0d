package dev.uploadgateway.configuration.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start on a bad configuration value. A {@code @Startup} singleton that fails in
 * {@code @PostConstruct} fails the whole deployment, so a gateway never serves with, say, a
 * rollout of 150 %; the message names every offending key.
 */
@Startup
@Singleton
public class StartupValidation {

    @Inject
    Config config;

    private volatile boolean validated;

    /** True once the configuration was checked and found valid. */
    public boolean validated() {
        return validated;
    }

    @PostConstruct
    void validate() {
        List<String> problems = ConfigKeys.problems(key -> config.getOptionalValue(key, String.class));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("upload-gateway configuration is invalid: " + String.join("; ", problems));
        }
        validated = true;
    }
}
