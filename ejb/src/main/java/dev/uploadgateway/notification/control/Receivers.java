package dev.uploadgateway.notification.control;

import dev.uploadgateway.notification.entity.Receiver;
import dev.uploadgateway.notification.entity.WebhookFormat;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the webhook receivers from {@code rollout.webhooks.<name>.url|secret|format|events}: every
 * name that has any of these keys is a receiver, and must have a URL and a secret. Problems name
 * their key and never show a secret.
 */
public final class Receivers {

    static final String PREFIX = "rollout.webhooks.";
    private static final Pattern KEY = Pattern.compile("rollout\\.webhooks\\.([A-Za-z0-9_-]+)\\.([a-z-]+)");
    private static final Set<String> PROPERTIES = Set.of("url", "secret", "format", "events");

    /** The receivers, and every problem of their keys. */
    public record Read(List<Receiver> receivers, List<String> problems) {
    }

    private Receivers() {
    }

    public static Read read(Iterable<String> keys, Function<String, Optional<String>> lookup) {
        Set<String> names = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (String key : keys) {
            Matcher m = KEY.matcher(key);
            if (m.matches() && PROPERTIES.contains(m.group(2))) {
                names.add(m.group(1));
            } else if (m.matches()) {
                problems.add(key + " is not a webhook key: a receiver has " + PREFIX + m.group(1)
                        + ".url, .secret, .format and .events");
            }
        }
        List<Receiver> receivers = new ArrayList<>();
        for (String name : names) {
            receiver(name, lookup, problems).ifPresent(receivers::add);
        }
        return new Read(receivers, problems);
    }

    private static Optional<Receiver> receiver(String name, Function<String, Optional<String>> lookup,
            List<String> problems) {
        String prefix = PREFIX + name + ".";
        int before = problems.size();
        URI url = url(prefix + "url", lookup.apply(prefix + "url").map(String::strip).orElse(""), problems);
        String secret = lookup.apply(prefix + "secret").orElse("");
        if (secret.isBlank()) {
            problems.add(prefix + "secret is missing: every notice is signed with it (HMAC-SHA256); set it, e.g."
                    + " as a password alias");
        }
        String formatText = lookup.apply(prefix + "format").map(String::strip).orElse("json");
        WebhookFormat format = WebhookFormat.JSON;
        if (formatText.equalsIgnoreCase("json") || formatText.equalsIgnoreCase("slack")) {
            format = WebhookFormat.valueOf(formatText.toUpperCase(Locale.ROOT));
        } else {
            problems.add(prefix + "format must be json or slack, was '" + formatText + "'");
        }
        Set<String> events = events(prefix + "events", lookup.apply(prefix + "events").orElse(""), problems);
        return problems.size() > before ? Optional.empty()
                : Optional.of(new Receiver(name, url, secret, format, events));
    }

    private static URI url(String key, String text, List<String> problems) {
        if (text.isEmpty()) {
            problems.add(key + " is missing: where the receiver takes its notices (http or https)");
            return null;
        }
        try {
            URI url = new URI(text);
            if (url.isAbsolute() && url.getHost() != null
                    && ("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below, as for any URL that is not absolute http(s)
        }
        problems.add(key + " must be an absolute http or https URL, was '" + text + "'");
        return null;
    }

    private static Set<String> events(String key, String text, List<String> problems) {
        if (text.isBlank()) {
            return Set.copyOf(NoticeEvents.ALL);
        }
        Set<String> events = new LinkedHashSet<>();
        for (String e : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            if (NoticeEvents.ALL.contains(e.toLowerCase(Locale.ROOT))) {
                events.add(e.toLowerCase(Locale.ROOT));
            } else {
                problems.add(key + " names an unknown event '" + e + "'; events are " + String.join(", ",
                        NoticeEvents.ALL));
            }
        }
        return events;
    }
}
