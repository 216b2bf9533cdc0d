package dev.uploadgateway.rollout.entity;

import java.time.Instant;
import java.util.List;

/**
 * The rollout as operators and dashboards see it: position, state, the current stage's criteria
 * and live KPIs, the last verdict with its reasons, and what comes next.
 *
 * @param plan every stage's percent in stage order, from the baseline's 0 to the last stage's 100: the
 *             schedule the controller runs, read from {@code rollout.stage.<n>.percent} at startup
 * @param nextPercent the next stage's share, null at the final stage
 * @param node the node that answered
 * @param leader the node that evaluates and moves the stage, null while none holds the lease
 * @param nodes every node sharing the rollout, as of the answering node's last heartbeat
 * @param gate who lets the current stage move on once its criteria are met
 * @param maxDurationSeconds how long the current stage's evidence may stay inconclusive before the rollout
 *                           pauses; null: as long as it takes
 * @param promotionWindow the windows in which the controller may promote on its own; empty: always
 * @param nextWindowOpening when the next window opens; null while one is open or none is configured
 */
public record RolloutView(int stage, double percent, List<Double> plan, boolean asyncEnabled, boolean fallback,
                          String stickinessHeader, ControllerState state, boolean paused, Instant stageStartedAt,
                          Integer nextStage, Double nextPercent, boolean autoPromote, Criteria criteria,
                          Triggers triggers, Kpis kpis, Evaluation lastEvaluation, String node, String leader,
                          List<ClusterNode> nodes, Gate gate, Long maxDurationSeconds, String promotionWindow,
                          Instant nextWindowOpening) {

    public RolloutView {
        plan = List.copyOf(plan);
        nodes = List.copyOf(nodes);
    }
}
