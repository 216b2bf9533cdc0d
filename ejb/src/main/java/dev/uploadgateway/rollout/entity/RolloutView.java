package dev.uploadgateway.rollout.entity;

import java.time.Instant;

/**
 * The rollout as operators and dashboards see it: position, state, the current stage's criteria
 * and live KPIs, the last verdict with its reasons, and what comes next.
 *
 * @param nextPercent the next stage's share, null at the final stage
 */
public record RolloutView(int stage, double percent, boolean asyncEnabled, boolean fallback, String stickinessHeader,
                          ControllerState state, boolean paused, Instant stageStartedAt, Integer nextStage,
                          Double nextPercent, boolean autoPromote, Criteria criteria, Triggers triggers, Kpis kpis,
                          Evaluation lastEvaluation) {
}
