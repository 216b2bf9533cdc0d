package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.Actor;
import dev.uploadgateway.rollout.entity.ControllerState;
import dev.uploadgateway.rollout.entity.Evaluation;
import dev.uploadgateway.rollout.entity.Gate;
import dev.uploadgateway.rollout.entity.Kpis;
import dev.uploadgateway.rollout.entity.PromotionWindows;
import dev.uploadgateway.rollout.entity.RolloutState;
import dev.uploadgateway.rollout.entity.Schedule;
import dev.uploadgateway.rollout.entity.StagePlan;
import dev.uploadgateway.rollout.entity.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rollout's position and how it moves: on the controller's evaluations and on operators' and
 * configuration's actions. Pure state transitions with the clock passed in, so a replay of the
 * audit trail reaches the same state. An operator's pause outranks the controller: while paused
 * nothing but an operator or configuration moves the rollout, not even a rollback verdict. After a
 * rollback the rollout stays at 0 % until an operator promotes or resumes. A stage whose criteria
 * are met moves on only when its gate lets it: a manual gate waits for an operator's approval, an
 * automatic one for the next promotion window; rollbacks act at any time. A stage whose evidence
 * stays inconclusive longer than it may pauses the rollout. Thread-safe.
 */
public class RolloutMachine {

    private final Schedule schedule;
    private final PromotionWindows windows;
    private RolloutState state;

    /** A machine that may promote at any time. */
    public RolloutMachine(Schedule schedule, RolloutState state) {
        this(schedule, PromotionWindows.always(), state);
    }

    public RolloutMachine(Schedule schedule, PromotionWindows windows, RolloutState state) {
        this.schedule = schedule;
        this.windows = windows;
        this.state = state;
    }

    public synchronized RolloutState state() {
        return state;
    }

    /**
     * Acts on an evaluation of the current stage; one made for a stage that has since been left is
     * ignored. Returns the move it made, if any.
     */
    public synchronized Optional<Transition> onEvaluation(Evaluation e, boolean autoPromote, long heapNow,
            Instant now) {
        if (!current(e)) {
            return Optional.empty();
        }
        Instant since = e.inReviewBand() ? (state.reviewSince() == null ? e.at() : state.reviewSince()) : null;
        state = state.withEvaluation(e, since);
        ControllerState at = state.controllerState();
        if (state.paused() || at == ControllerState.ROLLED_BACK) {
            return Optional.empty();
        }
        switch (e.verdict()) {
            case ROLLBACK:
                return Optional.of(toBaseline(Actor.CONTROLLER, e.reasons(), e, heapNow, now));
            case PROMOTE:
                if (schedule.next(state.stageIndex()).isEmpty()) {
                    return at == ControllerState.COMPLETE ? Optional.empty() : Optional.of(complete(e, now));
                }
                if (schedule.plan(state.stageIndex()).gate() == Gate.MANUAL) {
                    return at == ControllerState.AWAITING_APPROVAL ? Optional.empty() : Optional.of(awaitApproval(e, now));
                }
                if (!autoPromote) {
                    settle(ControllerState.READY_TO_PROMOTE);
                    return Optional.empty();
                }
                if (!windows.open(now)) {
                    settle(ControllerState.WAITING_FOR_WINDOW);
                    return Optional.empty();
                }
                return Optional.of(advance(Actor.CONTROLLER, "promote", null, e, heapNow, now));
            case REVIEW:
                settle(ControllerState.REVIEW);
                return Optional.empty();
            default:
                if (at == ControllerState.AWAITING_APPROVAL) {
                    return Optional.empty(); // the criteria were met: a thinner sample since does not take the gate back
                }
                if (schedule.plan(state.stageIndex()).overdue(state.inconclusiveSince(), now)) {
                    return Optional.of(inconclusive(e, now));
                }
                settle(ControllerState.HOLDING);
                return Optional.empty();
        }
    }

    /** Moves to the next stage; from a rollback or the baseline that is stage 1 with async on. */
    public synchronized Transition promote(Actor actor, Instant now, long heapNow) {
        if (schedule.next(state.stageIndex()).isEmpty()) {
            throw new IllegalStateException("already at the final stage " + state.stageIndex() + " ("
                    + Sentence.trimmed(state.percent()) + " %); there is no stage to promote to");
        }
        return advance(actor, "promote", actor + " promoted", evidence(), heapNow, now);
    }

    /** Lets a stage waiting at its manual gate move on to the next stage. */
    public synchronized Transition approve(Actor actor, Instant now, long heapNow) {
        if (state.controllerState() != ControllerState.AWAITING_APPROVAL) {
            throw new IllegalStateException("nothing awaits approval: the rollout is " + state.controllerState()
                    + " at stage " + state.stageIndex() + " (" + Sentence.trimmed(state.percent()) + " %); a stage"
                    + " awaits approval once it met its criteria and its gate is manual");
        }
        return advance(actor, "approve", actor + " approved the manual gate of stage " + state.stageIndex(), evidence(),
                heapNow, now);
    }

    /** Back to the baseline stage, 0 %, async off; the rollout stays there until an operator acts. */
    public synchronized Transition rollback(Actor actor, List<String> reasons, Instant now) {
        return toBaseline(actor, reasons, evidence(), state.heapAtStageStart(), now);
    }

    public synchronized Transition pause(Actor actor, Instant now) {
        if (state.paused()) {
            throw new IllegalStateException("the rollout is already paused");
        }
        RolloutState from = state;
        state = state.withPaused(true, ControllerState.PAUSED);
        return record(actor, "pause", from, List.of(actor + " paused the controller"), evidence(), now);
    }

    /** Hands the rollout back to the controller, after a pause or a rollback. */
    public synchronized Transition resume(Actor actor, Instant now) {
        if (!state.paused() && state.controllerState() != ControllerState.ROLLED_BACK) {
            throw new IllegalStateException("the rollout is neither paused nor rolled back; nothing to resume");
        }
        RolloutState from = state;
        state = state.withResumed(now);
        return record(actor, "resume", from, List.of(actor + " handed the rollout back to the controller"),
                evidence(), now);
    }

    /**
     * Makes a position set through configuration at run time the rollout's own. Any percent from 0
     * to 100 is taken as it is and judged by the criteria of the highest stage at or below it;
     * disabled means 0 %. Empty when the configuration already matches the position, so a position
     * the controller published and reads back changes nothing.
     */
    public synchronized Optional<Transition> adoptConfig(boolean enabled, double percent, Instant now, long heapNow) {
        double target = enabled ? percent : 0;
        int index = schedule.indexOfPercent(percent);
        if (state.asyncEnabled() == enabled && state.percent() == target) {
            return Optional.empty();
        }
        RolloutState from = state;
        state = state.withStage(enabled ? index : 0, target, enabled, afterMove(ControllerState.HOLDING), now, heapNow);
        String why = "configuration set async " + (enabled ? "on at " + Sentence.trimmed(percent) + " %" : "off");
        return Optional.of(record(Actor.CONFIG, "adopt-config", from, List.of(why), null, now));
    }

    private Transition advance(Actor actor, String action, String sentence, Evaluation e, long heapNow, Instant now) {
        StagePlan next = schedule.next(state.stageIndex()).orElseThrow();
        RolloutState from = state;
        Kpis k = e == null ? null : e.kpis();
        if (k != null && !k.syncFromBaseline() && k.syncP95Ms() != null) {
            state = state.withBaseline(k.syncP50Ms(), k.syncP95Ms());
        }
        state = state.withStage(next.index(), next.percent(), true, afterMove(ControllerState.HOLDING), now, heapNow);
        List<String> reasons = sentence == null ? e.reasons() : with(sentence, e);
        return record(actor, action, from, reasons, e, now);
    }

    private Transition awaitApproval(Evaluation e, Instant now) {
        RolloutState from = state;
        settle(ControllerState.AWAITING_APPROVAL);
        return record(Actor.CONTROLLER, "gate", from, with("stage " + state.stageIndex() + " met its criteria; its gate"
                + " is manual: waiting for an operator's approval", e), e, now);
    }

    private Transition inconclusive(Evaluation e, Instant now) {
        RolloutState from = state;
        state = state.withPaused(true, ControllerState.PAUSED);
        Duration limit = schedule.plan(from.stageIndex()).maxDuration();
        return record(Actor.CONTROLLER, "inconclusive", from, with("stage " + from.stageIndex() + "'s evidence is"
                + " still inconclusive after " + limit.toSeconds() + " s (rollout.stage." + from.stageIndex()
                + ".max-duration-seconds): paused for an operator to decide", e), e, now);
    }

    private Transition toBaseline(Actor actor, List<String> reasons, Evaluation e, long heapNow, Instant now) {
        RolloutState from = state;
        state = state.withStage(0, 0, false, afterMove(ControllerState.ROLLED_BACK), now, heapNow);
        return record(actor, "rollback", from, reasons, e, now);
    }

    private Transition complete(Evaluation e, Instant now) {
        RolloutState from = state;
        settle(ControllerState.COMPLETE);
        return record(Actor.CONTROLLER, "complete", from, e.reasons(), e, now);
    }

    private void settle(ControllerState next) {
        if (state.controllerState() != ControllerState.COMPLETE || next == ControllerState.COMPLETE) {
            state = state.withState(next);
        }
    }

    private ControllerState afterMove(ControllerState next) {
        return state.paused() ? ControllerState.PAUSED : next;
    }

    private boolean current(Evaluation e) {
        Kpis k = e.kpis();
        return k.stageIndex() == state.stageIndex() && k.percent() == state.percent()
                && k.stageStartedAt().equals(state.stageStartedAt());
    }

    /** The last evaluation if it was made of the current stage: the evidence an operator acted on. */
    private Evaluation evidence() {
        Evaluation last = state.lastEvaluation();
        return last != null && current(last) ? last : null;
    }

    private static List<String> with(String sentence, Evaluation e) {
        List<String> reasons = new ArrayList<>();
        reasons.add(sentence);
        if (e != null) {
            reasons.addAll(e.reasons());
        }
        return reasons;
    }

    private Transition record(Actor actor, String action, RolloutState from, List<String> reasons, Evaluation e,
            Instant now) {
        return new Transition(now, actor, action, from.stageIndex(), from.percent(), state.stageIndex(),
                state.percent(), e == null ? null : e.verdict(), reasons, e == null ? null : e.kpis(),
                e == null ? null : e.criteria());
    }
}
