package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.RolloutRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/** The rollout rules exactly as the application ships them, read from its own configuration file. */
final class ShippedRules {

    static final Properties DEFAULTS = load();
    static final RolloutRules RULES = ScheduleConfig.read(key -> Optional.ofNullable(DEFAULTS.getProperty(key)));

    private ShippedRules() {
    }

    private static Properties load() {
        try (InputStream in = ShippedRules.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
