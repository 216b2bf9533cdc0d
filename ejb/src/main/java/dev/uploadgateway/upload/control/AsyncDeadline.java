package dev.uploadgateway.upload.control;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The whole retry chain's deadline (Fault Tolerance's {@code Retry/maxDuration} for
 * {@link AsyncAttempt}), derived from the numbers it must cover, so a longer
 * {@code async.upload.timeout} or more retries can never be cut short by a fixed cap: every
 * attempt's full timeout, every delay with its jitter, and a minute for the waits a provider's
 * Retry-After asks for. MicroProfile Config's expressions cannot compute, so a config source of its
 * own answers the one key {@value #KEY}; set that key anywhere with a higher ordinal to override it.
 */
public class AsyncDeadline implements ConfigSource {

    static final String KEY = "async.upload.max-duration-ms";
    private static final long RETRY_AFTER_ALLOWANCE_MS = 60_000;

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public String getValue(String propertyName) {
        if (!KEY.equals(propertyName)) {
            return null; // answers only its own key, so reading the others below never comes back here
        }
        var config = ConfigProvider.getConfig(AsyncDeadline.class.getClassLoader());
        return String.valueOf(millis(number(config.getOptionalValue("async.upload.max-retries", String.class), 2),
                number(config.getOptionalValue("async.upload.timeout", String.class), 30),
                number(config.getOptionalValue("async.upload.retry-delay-ms", String.class), 500),
                number(config.getOptionalValue("async.upload.retry-jitter-ms", String.class), 200)));
    }

    /** The deadline for {@code retries} retries of {@code timeoutSeconds} each, {@code delayMs} ± {@code jitterMs} apart. */
    static long millis(long retries, long timeoutSeconds, long delayMs, long jitterMs) {
        return (retries + 1) * timeoutSeconds * 1000 + retries * (delayMs + jitterMs) + RETRY_AFTER_ALLOWANCE_MS;
    }

    /** A bad value is the startup validation's to report; here it only must not break the lookup. */
    private static long number(Optional<String> raw, long fallback) {
        try {
            return raw.map(String::strip).map(Long::parseLong).filter(n -> n >= 0).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, getValue(KEY));
    }

    /** Below the packaged defaults (100): any source that sets the key wins. */
    @Override
    public int getOrdinal() {
        return 50;
    }

    @Override
    public String getName() {
        return "upload-gateway derived values";
    }
}
