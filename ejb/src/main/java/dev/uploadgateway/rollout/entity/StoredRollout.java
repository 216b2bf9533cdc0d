package dev.uploadgateway.rollout.entity;

/**
 * What the state store keeps: the rollout's state and the configuration values last seen, so that
 * only a value changed since then is adopted as an operator's move (a rollback is not undone by the
 * configuration that was already there).
 */
public record StoredRollout(RolloutState state, Boolean configEnabled, Double configPercent) {
}
