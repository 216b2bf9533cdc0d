package dev.uploadgateway.rollout.control;

import dev.uploadgateway.configuration.control.ConfigKeys;
import dev.uploadgateway.rollout.entity.Decision;
import dev.uploadgateway.rollout.entity.RolloutSettings;
import dev.uploadgateway.upload.entity.UploadPath;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Decides per request whether an upload takes the async path. The switches are read from
 * MicroProfile Config at every decision, so a value changed at run time (system property,
 * environment, config directory, {@code asadmin set-config-property}) applies to the next request.
 * A value that became invalid at run time is ignored in favour of the last valid one and logged.
 */
@ApplicationScoped
public class RolloutDecider {

    private static final Logger LOG = Logger.getLogger(RolloutDecider.class.getName());

    @Inject
    Config config;

    private volatile boolean lastEnabled;
    private volatile double lastPercent;

    public Decision decide(String stickinessKey) {
        boolean generated = stickinessKey == null || stickinessKey.isBlank();
        String key = generated ? UUID.randomUUID().toString() : stickinessKey.strip();
        int bucket = StickyBucket.of(salt(), key);
        boolean enabled = enabled();
        double percent = enabled ? percent() : 0;
        UploadPath path = bucket < StickyBucket.threshold(percent) ? UploadPath.ASYNC : UploadPath.SYNC;
        return new Decision(path, key, generated, bucket, percent);
    }

    /** The switches as the next decision will read them. */
    public RolloutSettings current() {
        boolean enabled = enabled();
        return new RolloutSettings(enabled, enabled ? percent() : 0, fallbackEnabled(), stickinessHeader());
    }

    /** The name of the header that carries the stickiness key. */
    public String stickinessHeader() {
        return config.getValue(ConfigKeys.STICKINESS_HEADER, String.class);
    }

    public boolean fallbackEnabled() {
        return readOrLast(ConfigKeys.ASYNC_FALLBACK, true);
    }

    private String salt() {
        return config.getValue(ConfigKeys.ROLLOUT_SALT, String.class);
    }

    private boolean enabled() {
        lastEnabled = readOrLast(ConfigKeys.ASYNC_ENABLED, lastEnabled);
        return lastEnabled;
    }

    private double percent() {
        String raw = config.getOptionalValue(ConfigKeys.ASYNC_ROLLOUT, String.class).orElse("0");
        String problem = ConfigKeys.checkPercent(raw);
        if (problem != null) {
            LOG.log(Level.WARNING, "Ignoring {0}: {1}; keeping {2} %",
                    new Object[]{ConfigKeys.ASYNC_ROLLOUT, problem, lastPercent});
            return lastPercent;
        }
        lastPercent = Double.parseDouble(raw.strip());
        return lastPercent;
    }

    private boolean readOrLast(String key, boolean last) {
        String raw = config.getOptionalValue(key, String.class).orElse(String.valueOf(last));
        String problem = ConfigKeys.checkBoolean(raw);
        if (problem != null) {
            LOG.log(Level.WARNING, "Ignoring {0}: {1}; keeping {2}", new Object[]{key, problem, last});
            return last;
        }
        return Boolean.parseBoolean(raw.strip());
    }
}
