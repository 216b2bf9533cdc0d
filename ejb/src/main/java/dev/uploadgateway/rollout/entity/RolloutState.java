package dev.uploadgateway.rollout.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything about the rollout that must survive a restart. A record of plain values (instants,
 * boxed numbers for what may be unknown, a map keyed by stage index) so that JSON-B reads and writes
 * it as it is. The {@code with…} methods return changed copies.
 *
 * @param controllerState where the controller stands; {@code "state"} in the state file, as before the
 *                        component was named for its type
 * @param stageStarts when each stage was last entered
 * @param baselineSyncP95Ms the sync latency the async path is compared with once a stage has no
 *                          sync uploads of its own; null until the baseline stage measured it
 * @param reviewSince when the async success rate entered the review band, null when outside it
 * @param resumedAt when an operator last handed the rollout back to the controller, null if never: a stage's
 *                  inconclusive time counts from the later of this and the stage's start
 */
public record RolloutState(int stageIndex, double percent, boolean asyncEnabled, boolean paused,
        @JsonbProperty("state") ControllerState controllerState, Instant stageStartedAt,
        Map<Integer, Instant> stageStarts, Long baselineSyncP95Ms, Long baselineSyncP50Ms, long heapAtStageStart,
        Instant reviewSince, Evaluation lastEvaluation, Instant resumedAt) {

    public RolloutState {
        stageStarts = stageStarts == null ? Map.of() : Map.copyOf(stageStarts);
    }

    /** A rollout that has not begun: the baseline stage at 0 %, async off. */
    public static RolloutState initial(Instant now, long heapNow) {
        return new RolloutState(0, 0, false, false, ControllerState.HOLDING, now, Map.of(0, now), null, null,
                heapNow, null, null, null);
    }

    /** At a new position from {@code now}: the stage's clock, heap reference and review band start afresh. */
    public RolloutState withStage(int index, double newPercent, boolean async, ControllerState newState,
            Instant now, long heapNow) {
        Map<Integer, Instant> starts = new HashMap<>(stageStarts);
        starts.put(index, now);
        return new RolloutState(index, newPercent, async, paused, newState, now, starts, baselineSyncP95Ms,
                baselineSyncP50Ms, heapNow, null, lastEvaluation, resumedAt);
    }

    public RolloutState withState(ControllerState newState) {
        return new RolloutState(stageIndex, percent, asyncEnabled, paused, newState, stageStartedAt, stageStarts,
                baselineSyncP95Ms, baselineSyncP50Ms, heapAtStageStart, reviewSince, lastEvaluation, resumedAt);
    }

    public RolloutState withPaused(boolean nowPaused, ControllerState newState) {
        return new RolloutState(stageIndex, percent, asyncEnabled, nowPaused, newState, stageStartedAt, stageStarts,
                baselineSyncP95Ms, baselineSyncP50Ms, heapAtStageStart, reviewSince, lastEvaluation, resumedAt);
    }

    public RolloutState withBaseline(Long syncP50Ms, Long syncP95Ms) {
        return new RolloutState(stageIndex, percent, asyncEnabled, paused, controllerState, stageStartedAt, stageStarts,
                syncP95Ms, syncP50Ms, heapAtStageStart, reviewSince, lastEvaluation, resumedAt);
    }

    public RolloutState withEvaluation(Evaluation evaluation, Instant newReviewSince) {
        return new RolloutState(stageIndex, percent, asyncEnabled, paused, controllerState, stageStartedAt, stageStarts,
                baselineSyncP95Ms, baselineSyncP50Ms, heapAtStageStart, newReviewSince, evaluation, resumedAt);
    }

    public RolloutState withResumed(Instant at) {
        return new RolloutState(stageIndex, percent, asyncEnabled, false, ControllerState.HOLDING, stageStartedAt,
                stageStarts, baselineSyncP95Ms, baselineSyncP50Ms, heapAtStageStart, reviewSince, lastEvaluation, at);
    }

    /** Since when the current stage's evidence has been gathered without an operator's pause in between. */
    public Instant inconclusiveSince() {
        return resumedAt != null && resumedAt.isAfter(stageStartedAt) ? resumedAt : stageStartedAt;
    }
}
