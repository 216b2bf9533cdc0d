package dev.uploadgateway.rollout.control;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A configuration value read at run time that cannot be used is logged once per key and value, not
 * at every decision that reads it (which, at a thousand uploads a second, was a thousand lines a
 * second); a different bad value, or the same one after a good one, is logged again.
 */
final class BadValueWarning {

    private static final Logger LOG = Logger.getLogger(BadValueWarning.class.getName());
    private static final String GOOD = "\u0000good";

    private final Map<String, String> lastBad = new ConcurrentHashMap<>();

    /** Logs {@code key=raw} as ignored, unless that was the last thing logged for {@code key}. */
    boolean warn(String key, String raw, String why) {
        if (Objects.equals(lastBad.put(key, raw), raw)) {
            return false;
        }
        LOG.log(Level.WARNING, "Ignoring {0}={1}: {2}", new Object[]{key, raw, why});
        return true;
    }

    /** The key reads a usable value again: its next bad value is news. */
    void good(String key) {
        if (lastBad.containsKey(key)) {
            lastBad.put(key, GOOD);
        }
    }
}
