package dev.uploadgateway.rollout.entity;

import java.time.Duration;

/**
 * The rollout's configuration: the schedule, the triggers, and how the controller runs.
 *
 * @param windows when the controller may promote on its own
 */
public record RolloutRules(Schedule schedule, Triggers triggers, boolean autoPromote, Duration evaluationInterval,
        PromotionWindows windows) {

    /** Rules under which the controller may promote at any time. */
    public RolloutRules(Schedule schedule, Triggers triggers, boolean autoPromote, Duration evaluationInterval) {
        this(schedule, triggers, autoPromote, evaluationInterval, PromotionWindows.always());
    }
}
