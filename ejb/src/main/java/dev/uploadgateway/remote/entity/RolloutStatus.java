package dev.uploadgateway.remote.entity;

import java.io.Serial;
import java.io.Serializable;

/** The rollout switches the next upload will see, as {@code GET /api/rollout} shows them. */
public final class RolloutStatus implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean asyncEnabled;
    private final double percent;
    private final boolean fallback;

    public RolloutStatus(boolean asyncEnabled, double percent, boolean fallback) {
        this.asyncEnabled = asyncEnabled;
        this.percent = percent;
        this.fallback = fallback;
    }

    public boolean asyncEnabled() { return asyncEnabled; }
    public double percent() { return percent; }
    public boolean fallback() { return fallback; }

    @Override
    public String toString() {
        return "RolloutStatus[asyncEnabled=" + asyncEnabled + ", percent=" + percent + ", fallback=" + fallback + "]";
    }
}
