package dev.uploadgateway.rollout.control;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Typed reads of keys that must be present, each failure an {@link IllegalArgumentException} whose
 * message starts with the key, so a bad value fails the deployment saying where to look.
 */
final class RequiredValues {

    private final Function<String, Optional<String>> lookup;

    RequiredValues(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    String text(String key) {
        return lookup.apply(key).map(String::strip)
                .orElseThrow(() -> new IllegalArgumentException(key + " is missing; it has no default in code"));
    }

    double number(String key, double min, double max, String range) {
        String raw = text(key);
        try {
            double value = Double.parseDouble(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the message naming the key
        }
        throw invalid(key, range, raw);
    }

    double fraction(String key) {
        return number(key, 0, 1, "a fraction from 0 to 1 (0.995 = 99.5 %)");
    }

    long whole(String key, long min, long max) {
        String raw = text(key);
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the message naming the key
        }
        throw invalid(key, "a whole number from " + min + " to " + max, raw);
    }

    Duration seconds(String key, long min, long max) {
        return Duration.ofSeconds(whole(key, min, max));
    }

    boolean bool(String key) {
        String raw = text(key);
        if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(raw);
        }
        throw invalid(key, "true or false", raw);
    }

    Set<String> list(String key) {
        return Arrays.stream(text(key).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    static IllegalArgumentException invalid(String key, String expected, Object raw) {
        return new IllegalArgumentException(key + " must be " + expected + ", was '" + raw + "'");
    }
}
