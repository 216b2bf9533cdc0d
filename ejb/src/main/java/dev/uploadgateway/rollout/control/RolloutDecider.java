package dev.uploadgateway.rollout.control;

import dev.uploadgateway.configuration.control.ConfigKeys;
import dev.uploadgateway.rollout.entity.Decision;
import dev.uploadgateway.rollout.entity.RolloutSettings;
import dev.uploadgateway.rollout.entity.RolloutState;
import dev.uploadgateway.upload.entity.UploadPath;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;

/**
 * Decides per request whether an upload takes the async path: the key's sticky bucket against the
 * rollout's current percentage. The percentage is the controller's position, which adopts a value
 * changed in MicroProfile Config (system property, environment, config directory,
 * {@code asadmin set-config-property}) once it has settled; the other switches are read from
 * Config at every decision (Payara caches each value for {@code mp.config.cache.duration}). A value
 * that became invalid at run time is ignored and logged.
 */
@ApplicationScoped
public class RolloutDecider {

    private final BadValueWarning warnings = new BadValueWarning();


    @Inject
    Config config;
    @Inject
    RolloutController controller;

    public Decision decide(String stickinessKey) {
        boolean generated = stickinessKey == null || stickinessKey.isBlank();
        String key = generated ? UUID.randomUUID().toString() : stickinessKey.strip();
        int bucket = StickyBucket.of(salt(), key);
        RolloutState position = controller.position();
        double percent = position.asyncEnabled() ? position.percent() : 0;
        UploadPath path = StickyBucket.inRollout(bucket, percent) ? UploadPath.ASYNC : UploadPath.SYNC;
        return new Decision(path, key, generated, bucket, percent);
    }

    /** The switches as the next decision will read them. */
    public RolloutSettings current() {
        RolloutState position = controller.position();
        return new RolloutSettings(position.asyncEnabled(), position.asyncEnabled() ? position.percent() : 0,
                fallbackEnabled(), stickinessHeader());
    }

    /** The name of the header that carries the stickiness key. */
    public String stickinessHeader() {
        return config.getValue(ConfigKeys.STICKINESS_HEADER, String.class);
    }

    public boolean fallbackEnabled() {
        String raw = config.getOptionalValue(ConfigKeys.ASYNC_FALLBACK, String.class).orElse("true");
        if (ConfigKeys.checkBoolean(raw) != null) {
            warnings.warn(ConfigKeys.ASYNC_FALLBACK, raw, "must be true or false; keeping fallback on");
            return true;
        }
        warnings.good(ConfigKeys.ASYNC_FALLBACK);
        return Boolean.parseBoolean(raw.strip());
    }

    private String salt() {
        return config.getValue(ConfigKeys.ROLLOUT_SALT, String.class);
    }
}
