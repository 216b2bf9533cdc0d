package dev.uploadgateway.rollout.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Typed reads of keys that must be present. A missing or invalid value is noted, with a message that
 * starts with the key, and read as a stand-in so that every other key is still read: {@link
 * #problems()} then has every bad key at once, and the caller refuses the configuration with all of
 * them (a deployment that fails saying where to look, not only where to look first).
 */
final class RequiredValues {

    private final Function<String, Optional<String>> lookup;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> failed = new HashSet<>();

    RequiredValues(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /** Every problem noted so far, in the order the keys were read; empty when all held. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Notes that {@code key} breaks a rule between keys, unless its own value was already bad. */
    void require(boolean holds, String key, String expected, Object raw) {
        if (!holds && !failed.contains(key)) {
            fail(key, key + " must be " + expected + ", was '" + raw + "'");
        }
    }

    /** Notes that {@code key}'s value is wrong, as {@code why} says. */
    void invalid(String key, String why) {
        if (!failed.contains(key)) {
            fail(key, key + ": " + why);
        }
    }

    boolean bad(String key) {
        return failed.contains(key);
    }

    String text(String key) {
        Optional<String> value = lookup.apply(key).map(String::strip);
        if (value.isEmpty()) {
            fail(key, key + " is missing; it has no default in code");
        }
        return value.orElse("");
    }

    double number(String key, double min, double max, String range) {
        String raw = text(key);
        if (bad(key)) {
            return min;
        }
        try {
            double value = Double.parseDouble(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // noted below, naming the key
        }
        fail(key, key + " must be " + range + ", was '" + raw + "'");
        return min;
    }

    double fraction(String key) {
        return number(key, 0, 1, "a fraction from 0 to 1 (0.995 = 99.5 %)");
    }

    long whole(String key, long min, long max) {
        String raw = text(key);
        if (bad(key)) {
            return min;
        }
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // noted below, naming the key
        }
        fail(key, key + " must be a whole number from " + min + " to " + max + ", was '" + raw + "'");
        return min;
    }

    Duration seconds(String key, long min, long max) {
        return Duration.ofSeconds(whole(key, min, max));
    }

    boolean bool(String key) {
        String raw = text(key);
        if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(raw);
        }
        if (!bad(key)) {
            fail(key, key + " must be true or false, was '" + raw + "'");
        }
        return false;
    }

    Set<String> list(String key) {
        return Arrays.stream(text(key).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private void fail(String key, String problem) {
        failed.add(key);
        problems.add(problem);
    }
}
