package dev.uploadgateway.configuration.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The names of the keys the code reads by name, and the rules a value must follow. The defaults
 * and their documentation live in {@code META-INF/microprofile-config.properties}; the rules live
 * here, as plain functions, so they are unit-tested and applied both at deployment (a bad value
 * fails it, naming the key) and at run time (a bad value is ignored and logged). They cover the keys
 * read live, on every decision, which a fixed {@code @ConfigProperties} group cannot hold, and whose
 * rules are stricter than MicroProfile's converters (its boolean converter takes yes, on and 1; the
 * API keys must never be echoed in a message); the fixed settings are typed groups (UploadSettings …).
 */
public final class ConfigKeys {

    public static final String ASYNC_ENABLED = "async.upload.enabled";
    public static final String ASYNC_ROLLOUT = "async.upload.rollout";
    public static final String ASYNC_FALLBACK = "async.upload.fallback";
    public static final String ASYNC_MAX_RETRIES = "async.upload.max-retries";
    public static final String ASYNC_TIMEOUT = "async.upload.timeout";
    public static final String STICKINESS_HEADER = "rollout.stickiness-header";
    public static final String ROLLOUT_SALT = "rollout.salt";
    public static final String DEFAULT_PROVIDER = "upload.default-provider";
    public static final String REMOTE_MAX_BYTES = "remote.upload.max-bytes";
    public static final String API_KEYS = "auth.api-keys";
    public static final String ANONYMOUS_UPLOADS = "auth.anonymous-uploads";

    private ConfigKeys() {
    }

    /** Every rule broken by the values {@code lookup} returns, each naming its key; empty when all hold. */
    public static List<String> problems(Function<String, Optional<String>> lookup) {
        List<String> problems = new ArrayList<>();
        check(problems, lookup, ASYNC_ENABLED, ConfigKeys::checkBoolean);
        check(problems, lookup, ASYNC_FALLBACK, ConfigKeys::checkBoolean);
        check(problems, lookup, ASYNC_ROLLOUT, ConfigKeys::checkPercent);
        check(problems, lookup, ASYNC_MAX_RETRIES, v -> checkLong(v, 0, 100));
        check(problems, lookup, ASYNC_TIMEOUT, v -> checkLong(v, 1, 86_400));
        check(problems, lookup, "rollout.webhooks.timeout-ms", v -> checkLong(v, 100, 600_000));
        check(problems, lookup, "rollout.webhooks.max-retries", v -> checkLong(v, 0, 20));
        check(problems, lookup, "rollout.webhooks.retry-delay-ms", v -> checkLong(v, 0, 3_600_000));
        check(problems, lookup, "rollout.webhooks.retry-jitter-ms", v -> checkLong(v, 0, 3_600_000));
        // the remote view holds a file as one byte array
        check(problems, lookup, REMOTE_MAX_BYTES, v -> checkLong(v, 1, Integer.MAX_VALUE - 8));
        check(problems, lookup, STICKINESS_HEADER, v -> v.isBlank() ? "must name a header" : null);
        check(problems, lookup, ROLLOUT_SALT, v -> v.isEmpty() ? "must not be empty" : null);
        check(problems, lookup, ANONYMOUS_UPLOADS,
                v -> List.of("auto", "true", "false").contains(v.strip()) ? null : "must be auto, true or false");
        check(problems, lookup, API_KEYS, ConfigKeys::checkApiKeys);
        check(problems, lookup, DEFAULT_PROVIDER,
                v -> List.of("local", "kimi", "glm").contains(v.strip()) ? null : "must be local, kimi or glm");
        return problems;
    }

    /** Why {@code raw} is not a list of {@code tenant:key} pairs with tenant names of [a-z0-9._-], or null. The keys are never echoed. */
    static String checkApiKeys(String raw) {
        int n = 0;
        for (String pair : raw.split(",")) {
            n++;
            if (pair.isBlank()) {
                continue;
            }
            int colon = pair.indexOf(':');
            String tenant = colon < 0 ? "" : pair.substring(0, colon).strip();
            if (colon < 0 || pair.substring(colon + 1).isBlank() || !tenant.matches("[a-z0-9][a-z0-9._-]{0,63}")
                    || tenant.equals("anonymous") || tenant.equals("remote")) {
                return "entry " + n + " must be tenant:key with a tenant name of 1-64 characters a-z 0-9 . _ - "
                        + "(not anonymous or remote)";
            }
        }
        return null;
    }

    /** Why {@code raw} is not a boolean, or null when it is one. "yes", "1" and the like are refused. */
    public static String checkBoolean(String raw) {
        String v = raw.strip();
        return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")
                ? null : "must be true or false, was '" + raw + "'";
    }

    /** Why {@code raw} is not a percentage in [0, 100] (fractions allowed), or null. */
    public static String checkPercent(String raw) {
        try {
            double p = Double.parseDouble(raw.strip());
            return p >= 0 && p <= 100 ? null : "must be a percentage from 0 to 100, was '" + raw + "'";
        } catch (NumberFormatException e) {
            return "must be a number from 0 to 100, was '" + raw + "'";
        }
    }

    static String checkLong(String raw, long min, long max) {
        try {
            long v = Long.parseLong(raw.strip());
            return v >= min && v <= max ? null : "must be a whole number from " + min + " to " + max + ", was '" + raw + "'";
        } catch (NumberFormatException e) {
            return "must be a whole number, was '" + raw + "'";
        }
    }

    private static void check(List<String> problems, Function<String, Optional<String>> lookup, String key,
                              Function<String, String> rule) {
        lookup.apply(key).map(rule).ifPresent(problem -> problems.add(key + " " + problem));
    }
}
