package dev.uploadgateway.configuration.control;

import dev.uploadgateway.audit.control.AuditSettings;
import dev.uploadgateway.provider.control.ProviderSettings;
import dev.uploadgateway.resumable.control.ResumableSettings;
import dev.uploadgateway.rollout.control.ClusterSettings;
import dev.uploadgateway.rollout.control.RolloutFiles;
import dev.uploadgateway.notification.control.Receivers;
import dev.uploadgateway.rollout.control.ScheduleConfig;
import dev.uploadgateway.security.control.LoginSettings;
import dev.uploadgateway.upload.control.UploadSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Refuses to start on a bad configuration value. A {@code @Startup} singleton that fails in
 * {@code @PostConstruct} fails the whole deployment, so a gateway never serves with, say, a
 * rollout of 150 %; the message names every offending key: the rules of {@link ConfigKeys} and every
 * typed settings group's conversions and constraints ({@link SettingsCheck}).
 */
@Startup
@Singleton
public class StartupValidation {

    @Inject
    Config config;
    @Inject
    Validator validator;
    @Inject
    @ConfigProperties
    UploadSettings upload;
    @Inject
    @ConfigProperties
    LoginSettings login;
    @Inject
    @ConfigProperties
    ProviderSettings providers;
    @Inject
    @ConfigProperties
    AuditSettings audit;
    @Inject
    @ConfigProperties
    RolloutFiles rolloutFiles;
    @Inject
    @ConfigProperties
    ClusterSettings cluster;
    @Inject
    @ConfigProperties
    ResumableSettings resumable;

    private volatile boolean validated;

    /** True once the configuration was checked and found valid. */
    public boolean validated() {
        return validated;
    }

    @PostConstruct
    void validate() {
        List<String> problems = new ArrayList<>(ConfigKeys.problems(key -> config.getOptionalValue(key, String.class)));
        for (Object group : List.of(upload, login, providers, audit, rolloutFiles, cluster, resumable)) {
            problems.addAll(SettingsCheck.problems(group, config, validator));
        }
        try {
            ScheduleConfig.read(key -> config.getOptionalValue(key, String.class));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage()); // the rollout's rules, every bad key of them
        }
        problems.addAll(Receivers.read(config.getPropertyNames(), key -> config.getOptionalValue(key, String.class))
                .problems());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("upload-gateway configuration is invalid: " + String.join("; ", problems));
        }
        validated = true;
    }
}
