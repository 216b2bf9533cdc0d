package dev.uploadgateway.rollout.entity;

import java.time.Duration;

/** The rollout's configuration: the schedule, the triggers, and how the controller runs. */
public record RolloutRules(Schedule schedule, Triggers triggers, boolean autoPromote, Duration evaluationInterval) {
}
