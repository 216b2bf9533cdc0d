package dev.uploadgateway.provider.control;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * One provider's keys under {@code provider.<name>.}, read at each call so a changed value
 * applies to the next upload without a restart.
 */
public record ProviderConfig(Config config, String name) {

    public String baseUrl() {
        return config.getValue(key("base-url"), String.class).replaceAll("/+$", "");
    }

    /** Empty when the provider has no key configured; the key itself is never logged. */
    public Optional<String> apiKey() {
        return config.getOptionalValue(key("api-key"), String.class).filter(k -> !k.isBlank());
    }

    public String defaultPurpose() {
        return config.getValue(key("default-purpose"), String.class);
    }

    public Set<String> purposes() {
        String list = config.getValue(key("purposes"), String.class);
        Set<String> purposes = new LinkedHashSet<>();
        Arrays.stream(list.split(",")).map(String::trim).filter(p -> !p.isEmpty()).forEach(purposes::add);
        return purposes;
    }

    /** {@code provider.<name>.max-bytes.<purpose>} when set, else {@code provider.<name>.max-bytes}. */
    public long maxBytes(String purpose) {
        return config.getOptionalValue(key("max-bytes." + purpose), Long.class)
                .orElseGet(() -> config.getValue(key("max-bytes"), Long.class));
    }

    /** How long one HTTP exchange with the provider may take end to end. */
    public Duration requestTimeout() {
        return Duration.ofSeconds(config.getValue(key("request-timeout-seconds"), Long.class));
    }

    private String key(String suffix) {
        return "provider." + name + "." + suffix;
    }
}
