package dev.uploadgateway.rollout.control;

import static dev.uploadgateway.rollout.control.Uploads.record;
import static dev.uploadgateway.rollout.control.Uploads.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.uploadgateway.rollout.entity.Triggers;
import dev.uploadgateway.rollout.entity.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Manual gates, promotion windows and stages inconclusive for too long, on the machine with the clock passed in. */
class GatesAndWindowsTest {

    private static final Triggers TRIGGERS = ShippedRules.RULES.triggers();
    private static final long HEAP = 256L << 20;
    /** A Monday, 07:00 UTC = 08:00 in Berlin: before the window below opens. */
    private static final Instant MONDAY_EARLY = Instant.parse("2026-12-07T07:00:00Z");
    private static final PromotionWindows OFFICE = WindowText.parse("Mon-Fri 09:00-16:00 Europe/Berlin");

    private RolloutMachine machine;

    /** The shipped schedule with stage 1's gate manual and stage 2 given an hour to become conclusive. */
    private static Schedule schedule() {
        List<StagePlan> plans = new ArrayList<>(ShippedRules.RULES.schedule().plans());
        StagePlan one = plans.get(1);
        plans.set(1, new StagePlan(one.stage(), one.criteria(), Gate.MANUAL, Duration.ZERO));
        StagePlan two = plans.get(2);
        plans.set(2, new StagePlan(two.stage(), two.criteria(), Gate.AUTO, Duration.ofHours(1)));
        return new Schedule(plans);
    }

    private void at(int stage, PromotionWindows windows, Instant since) {
        Schedule schedule = schedule();
        RolloutState state = RolloutState.initial(since, HEAP)
                .withStage(stage, schedule.plan(stage).percent(), stage > 0, ControllerState.HOLDING, since, HEAP);
        machine = new RolloutMachine(schedule, windows, state);
    }

    private Optional<Transition> on(Verdict verdict, Instant now) {
        StageWindow window = new StageWindow(TRIGGERS.recentWindow());
        record(window, 200, sync(1_000));
        RolloutState state = machine.state();
        Kpis k = window.kpis(now, HEAP, state, TRIGGERS);
        Evaluation e = new Evaluation(verdict, List.of("because " + verdict), k,
                schedule().plan(state.stageIndex()).criteria(), now, false);
        return machine.onEvaluation(e, true, HEAP, now);
    }

    @Test
    void aManualGateWaitsForApprovalOnceAndTheApproverMovesIt() {
        at(1, PromotionWindows.always(), MONDAY_EARLY);
        Transition gate = on(Verdict.PROMOTE, MONDAY_EARLY.plusSeconds(60)).orElseThrow();
        assertEquals("gate", gate.action());
        assertEquals(1, gate.toStage());
        assertEquals(ControllerState.AWAITING_APPROVAL, machine.state().controllerState());
        assertEquals(Optional.empty(), on(Verdict.PROMOTE, MONDAY_EARLY.plusSeconds(120)), "notified once");
        assertEquals(Optional.empty(), on(Verdict.HOLD, MONDAY_EARLY.plusSeconds(180)), "a thinner sample keeps the gate");
        assertEquals(ControllerState.AWAITING_APPROVAL, machine.state().controllerState());

        Transition approved = machine.approve(Actor.OPERATOR, MONDAY_EARLY.plusSeconds(240), HEAP).signedBy("alice");
        assertEquals("approve", approved.action());
        assertEquals(2, approved.toStage());
        assertEquals("alice", approved.by());
        assertTrue(approved.reasons().get(0).contains("approved the manual gate of stage 1"), approved.reasons().toString());
        assertEquals(ControllerState.HOLDING, machine.state().controllerState());
    }

    @Test
    void refusesAnApprovalWhenNoGateWaits() {
        at(1, PromotionWindows.always(), MONDAY_EARLY);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> machine.approve(Actor.OPERATOR, MONDAY_EARLY, HEAP));
        assertTrue(e.getMessage().startsWith("nothing awaits approval: the rollout is HOLDING at stage 1"), e.getMessage());
    }

    @Test
    void aRollbackActsWhileTheGateWaits() {
        at(1, PromotionWindows.always(), MONDAY_EARLY);
        on(Verdict.PROMOTE, MONDAY_EARLY.plusSeconds(60)).orElseThrow();
        Transition back = on(Verdict.ROLLBACK, MONDAY_EARLY.plusSeconds(90)).orElseThrow();
        assertEquals("rollback", back.action());
        assertEquals(ControllerState.ROLLED_BACK, machine.state().controllerState());
    }

    @Test
    void promotesAutomaticallyOnlyInsideAWindow() {
        at(2, OFFICE, MONDAY_EARLY);
        assertEquals(Optional.empty(), on(Verdict.PROMOTE, MONDAY_EARLY.plusSeconds(60)));
        assertEquals(ControllerState.WAITING_FOR_WINDOW, machine.state().controllerState());
        assertEquals(2, machine.state().stageIndex());

        Instant opened = Instant.parse("2026-12-07T08:00:00Z"); // 09:00 in Berlin
        Transition t = on(Verdict.PROMOTE, opened).orElseThrow();
        assertEquals("promote", t.action());
        assertEquals(3, t.toStage());
    }

    @Test
    void rollsBackAndPausesOutsideTheWindow() {
        at(2, OFFICE, MONDAY_EARLY);
        assertEquals("rollback", on(Verdict.ROLLBACK, MONDAY_EARLY.plusSeconds(60)).orElseThrow().action());
        at(2, OFFICE, MONDAY_EARLY);
        assertEquals("pause", machine.pause(Actor.OPERATOR, MONDAY_EARLY).action());
    }

    @Test
    void anInconclusiveStagePausesAfterItsLimitAndResumingStartsTheLimitAgain() {
        at(2, PromotionWindows.always(), MONDAY_EARLY);
        assertEquals(Optional.empty(), on(Verdict.HOLD, MONDAY_EARLY.plus(Duration.ofMinutes(59))));
        Transition paused = on(Verdict.HOLD, MONDAY_EARLY.plus(Duration.ofMinutes(60))).orElseThrow();
        assertEquals("inconclusive", paused.action());
        assertTrue(paused.reasons().get(0).contains("rollout.stage.2.max-duration-seconds"), paused.reasons().toString());
        assertTrue(machine.state().paused());
        assertEquals(ControllerState.PAUSED, machine.state().controllerState());
        assertEquals(Optional.empty(), on(Verdict.PROMOTE, MONDAY_EARLY.plus(Duration.ofMinutes(61))),
                "paused: nothing moves");

        Instant resumed = MONDAY_EARLY.plus(Duration.ofMinutes(70));
        machine.resume(Actor.OPERATOR, resumed);
        assertEquals(Optional.empty(), on(Verdict.HOLD, resumed.plus(Duration.ofMinutes(30))), "a fresh hour");
        assertEquals("inconclusive", on(Verdict.HOLD, resumed.plus(Duration.ofMinutes(60))).orElseThrow().action());
    }

    @Test
    void aStageWithoutALimitHoldsForever() {
        at(3, PromotionWindows.always(), MONDAY_EARLY);
        assertEquals(Optional.empty(), on(Verdict.HOLD, MONDAY_EARLY.plus(Duration.ofDays(365))));
        assertFalse(machine.state().paused());
    }
}
