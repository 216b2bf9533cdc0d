package dev.uploadgateway.rollout.control;

import jakarta.enterprise.context.Dependent;
import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the rollout keeps its state ({@code rollout.state-file}); fixed at startup, checked by
 * {@code StartupValidation}. The rollout's rules are read by {@link ScheduleConfig}, its switches live.
 */
@ConfigProperties(prefix = "rollout")
@Dependent
public class RolloutFiles {

    @ConfigProperty(name = "state-file")
    @NotBlank
    public String stateFile;
}
