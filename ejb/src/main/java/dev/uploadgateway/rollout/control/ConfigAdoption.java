package dev.uploadgateway.rollout.control;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * When a rollout switch read from the configuration ({@code async.upload.enabled},
 * {@code async.upload.rollout}) that differs from the one last adopted is adopted:
 * <ul>
 * <li>at once when nothing was adopted yet, at startup when every changed switch is set explicitly
 * (by a source above the packaged defaults), and at run time when explicitly set switches send less
 * traffic async (async off, or a lower percent): a kill switch must not wait;</li>
 * <li>otherwise once it has read the same for {@link #SETTLE_NANOS}: more traffic may wait, and so
 * must a value that falls back to the packaged default. Payara's config-directory source re-reads a
 * file when it changes; a file rewritten in place reads empty for an instant, an empty value falls
 * through to the default (async off), and the config cache ({@code mp.config.cache.duration}, 1 s)
 * can keep that passing value for a second. Without the wait, rewriting a file with the same value
 * rolled the rollout back to "async off".</li>
 * </ul>
 */
final class ConfigAdoption {

    static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(2_500);

    /** The two switches as read, each with whether a source above the packaged defaults set it. */
    record Reading(boolean enabled, double percent, boolean enabledExplicit, boolean percentExplicit) {
        /** The share of traffic this reading sends async. */
        double asyncPercent() {
            return enabled ? percent : 0;
        }
    }

    private record Pending(boolean enabled, double percent, long since) {
    }

    private final LongSupplier nanoClock;
    private volatile Pending pending;

    ConfigAdoption(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * Whether {@code read}, which differs from what was adopted, is adopted now; {@code adoptedEnabled}
     * and {@code adoptedPercent} are null when nothing was adopted yet.
     */
    boolean adoptNow(Reading read, Boolean adoptedEnabled, Double adoptedPercent, boolean starting) {
        if (adoptedEnabled == null || adoptedPercent == null) {
            return settledNow();
        }
        double adopted = adoptedEnabled ? adoptedPercent : 0;
        // every switch that changed was set so: none of them merely fell back to its default
        boolean explicit = (read.enabled() == adoptedEnabled || read.enabledExplicit())
                && (read.percent() == adoptedPercent || read.percentExplicit());
        if (explicit && (starting || read.asyncPercent() < adopted)) {
            return settledNow();
        }
        long now = nanoClock.getAsLong();
        Pending p = pending;
        if (p == null || p.enabled() != read.enabled() || p.percent() != read.percent()) {
            pending = new Pending(read.enabled(), read.percent(), now);
            return false;
        }
        return now - p.since() >= SETTLE_NANOS;
    }

    /**
     * The reading a node that joins a running cluster starts from, as if it had read it before: its
     * own reading when neither switch is set above the packaged defaults, so that the defaults move
     * nothing the cluster decided; null when one is set, so the value set on this node is adopted.
     */
    static Reading joiningBaseline(Reading read) {
        return read.enabledExplicit() || read.percentExplicit() ? null : read;
    }

    /** The configuration reads what was adopted: a change that was waiting is forgotten. */
    void unchanged() {
        if (pending != null) {
            pending = null;
        }
    }

    private boolean settledNow() {
        pending = null;
        return true;
    }
}
