package dev.uploadgateway.rollout.entity;

/** The rollout switches as the decider sees them right now. */
public record RolloutSettings(boolean asyncEnabled, double percent, boolean fallback, String stickinessHeader) {
}
