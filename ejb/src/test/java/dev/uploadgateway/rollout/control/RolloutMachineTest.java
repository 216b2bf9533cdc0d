package dev.uploadgateway.rollout.control;

import static dev.uploadgateway.rollout.control.Uploads.T0;
import static dev.uploadgateway.rollout.control.Uploads.record;
import static dev.uploadgateway.rollout.control.Uploads.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.rollout.entity.Actor;
import dev.uploadgateway.rollout.entity.ControllerState;
import dev.uploadgateway.rollout.entity.Evaluation;
import dev.uploadgateway.rollout.entity.Kpis;
import dev.uploadgateway.rollout.entity.RolloutState;
import dev.uploadgateway.rollout.entity.Schedule;
import dev.uploadgateway.rollout.entity.Transition;
import dev.uploadgateway.rollout.entity.Triggers;
import dev.uploadgateway.rollout.entity.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RolloutMachineTest {

    private static final Schedule SCHEDULE = ShippedRules.RULES.schedule();
    private static final Triggers TRIGGERS = ShippedRules.RULES.triggers();
    private static final long HEAP = 256L << 20;
    private static final Instant LATER = T0.plus(Duration.ofHours(2));

    private RolloutMachine machine = new RolloutMachine(SCHEDULE, RolloutState.initial(T0, HEAP));

    private static RolloutMachine atStage(int index) {
        RolloutState state = RolloutState.initial(T0, HEAP)
                .withStage(index, SCHEDULE.plan(index).percent(), index > 0, ControllerState.HOLDING, T0, HEAP);
        return new RolloutMachine(SCHEDULE, state);
    }

    /** An evaluation of the machine's current stage, with 200 sync uploads of about a second measured. */
    private Evaluation evaluation(Verdict verdict, Instant at, boolean inReviewBand) {
        StageWindow window = new StageWindow(TRIGGERS.recentWindow());
        record(window, 200, sync(1_000));
        RolloutState state = machine.state();
        Kpis k = window.kpis(at, HEAP, state, TRIGGERS);
        return new Evaluation(verdict, List.of("because " + verdict), k, SCHEDULE.plan(state.stageIndex()).criteria(),
                at, inReviewBand);
    }

    private Optional<Transition> on(Verdict verdict, boolean autoPromote) {
        return machine.onEvaluation(evaluation(verdict, LATER, false), autoPromote, HEAP * 2, LATER);
    }

    @Test
    void startsAtTheBaselineWithAsyncOff() {
        RolloutState s = machine.state();
        assertEquals(0, s.stageIndex());
        assertEquals(0, s.percent());
        assertFalse(s.asyncEnabled());
        assertEquals(ControllerState.HOLDING, s.controllerState());
        assertEquals(T0, s.stageStarts().get(0));
    }

    @Test
    void promotesToTheNextStageWhenAutoPromoteIsOnAndKeepsTheBaseline() {
        Evaluation e = evaluation(Verdict.PROMOTE, LATER, false);
        Transition t = machine.onEvaluation(e, true, HEAP * 2, LATER).orElseThrow();
        assertEquals(new Transition(LATER, Actor.CONTROLLER, "promote", 0, 0, 1, 1, Verdict.PROMOTE, e.reasons(),
                e.kpis(), e.criteria()), t);
        assertTrue(t.startsStage());
        RolloutState s = machine.state();
        assertEquals(1, s.stageIndex());
        assertTrue(s.asyncEnabled());
        assertEquals(ControllerState.HOLDING, s.controllerState());
        assertEquals(LATER, s.stageStartedAt());
        assertEquals(LATER, s.stageStarts().get(1));
        assertEquals(HEAP * 2, s.heapAtStageStart());
        assertEquals(e.kpis().syncP95Ms(), s.baselineSyncP95Ms());
        assertEquals(e.kpis().syncP50Ms(), s.baselineSyncP50Ms());
    }

    @Test
    void waitsForAnOperatorWhenAutoPromoteIsOff() {
        assertEquals(Optional.empty(), on(Verdict.PROMOTE, false));
        assertEquals(ControllerState.READY_TO_PROMOTE, machine.state().controllerState());
        assertEquals(0, machine.state().stageIndex());
        Transition t = machine.promote(Actor.OPERATOR, LATER, HEAP);
        assertEquals(Actor.OPERATOR, t.actor());
        assertEquals(Verdict.PROMOTE, t.verdict(), "the evidence the operator acted on");
        assertEquals(List.of("OPERATOR promoted", "because PROMOTE"), t.reasons());
        assertEquals(1, machine.state().stageIndex());
        assertEquals(ControllerState.HOLDING, machine.state().controllerState());
    }

    @Test
    void completesAtTheFinalStageAndStillRollsBackAfterwards() {
        machine = atStage(4);
        Transition t = on(Verdict.PROMOTE, false).orElseThrow();
        assertEquals("complete", t.action());
        assertEquals(4, t.toStage());
        assertFalse(t.startsStage());
        assertEquals(ControllerState.COMPLETE, machine.state().controllerState());
        assertEquals(Optional.empty(), on(Verdict.PROMOTE, true));
        assertEquals(Optional.empty(), on(Verdict.HOLD, true));
        assertEquals(ControllerState.COMPLETE, machine.state().controllerState());
        assertEquals("rollback", on(Verdict.ROLLBACK, true).orElseThrow().action());
    }

    @Test
    void rollsBackToZeroPercentWithAsyncOff() {
        machine = atStage(3);
        Transition t = on(Verdict.ROLLBACK, true).orElseThrow();
        assertEquals("rollback", t.action());
        assertEquals(50, t.fromPercent());
        assertEquals(0, t.toPercent());
        assertEquals(List.of("because ROLLBACK"), t.reasons());
        RolloutState s = machine.state();
        assertEquals(0, s.stageIndex());
        assertFalse(s.asyncEnabled());
        assertEquals(ControllerState.ROLLED_BACK, s.controllerState());
    }

    @Test
    void staysRolledBackUntilAnOperatorPromotes() {
        machine = atStage(2);
        on(Verdict.ROLLBACK, true);
        assertEquals(Optional.empty(), on(Verdict.PROMOTE, true));
        assertEquals(ControllerState.ROLLED_BACK, machine.state().controllerState());
        Transition t = machine.promote(Actor.OPERATOR, LATER, HEAP);
        assertEquals(1, t.toStage());
        assertTrue(machine.state().asyncEnabled());
        assertEquals(ControllerState.HOLDING, machine.state().controllerState());
    }

    @Test
    void resumingARolledBackRolloutHandsTheBaselineBackToTheController() {
        machine = atStage(2);
        on(Verdict.ROLLBACK, true);
        assertEquals("resume", machine.resume(Actor.OPERATOR, LATER).action());
        assertEquals(ControllerState.HOLDING, machine.state().controllerState());
        assertEquals(1, on(Verdict.PROMOTE, true).orElseThrow().toStage());
    }

    @Test
    void neverMovesWhilePausedNotEvenOnARollbackVerdict() {
        machine = atStage(2);
        Transition pause = machine.pause(Actor.OPERATOR, T0);
        assertEquals("pause", pause.action());
        assertFalse(pause.startsStage());
        Evaluation rollback = evaluation(Verdict.ROLLBACK, LATER, false);
        assertEquals(Optional.empty(), machine.onEvaluation(rollback, true, HEAP, LATER));
        assertEquals(Optional.empty(), on(Verdict.PROMOTE, true));
        RolloutState s = machine.state();
        assertEquals(2, s.stageIndex());
        assertEquals(10, s.percent());
        assertEquals(ControllerState.PAUSED, s.controllerState());
        assertEquals(Verdict.PROMOTE, s.lastEvaluation().verdict(), "evaluations are still recorded");
        machine.resume(Actor.OPERATOR, LATER);
        assertEquals(ControllerState.HOLDING, machine.state().controllerState());
        assertFalse(machine.state().paused());
    }

    @Test
    void letsAnOperatorPromoteWhilePausedWithoutUnpausing() {
        machine = atStage(1);
        machine.pause(Actor.OPERATOR, T0);
        machine.promote(Actor.OPERATOR, LATER, HEAP);
        assertEquals(2, machine.state().stageIndex());
        assertEquals(ControllerState.PAUSED, machine.state().controllerState());
        assertTrue(machine.state().paused());
    }

    @Test
    void refusesToPauseTwiceOrToResumeARunningRollout() {
        IllegalStateException running = assertThrows(IllegalStateException.class,
                () -> machine.resume(Actor.OPERATOR, T0));
        assertEquals("the rollout is neither paused nor rolled back; nothing to resume", running.getMessage());
        machine.pause(Actor.OPERATOR, T0);
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> machine.pause(Actor.OPERATOR, T0));
        assertEquals("the rollout is already paused", twice.getMessage());
    }

    @Test
    void refusesToPromoteBeyondTheFinalStage() {
        machine = atStage(4);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> machine.promote(Actor.OPERATOR, LATER, HEAP));
        assertEquals("already at the final stage 4 (100 %); there is no stage to promote to", e.getMessage());
    }

    @Test
    void adoptsAConfiguredPercentAsItsPosition() {
        Transition t = machine.adoptConfig(true, 25, LATER, HEAP).orElseThrow();
        assertEquals(new Transition(LATER, Actor.CONFIG, "adopt-config", 0, 0, 2, 25, null,
                List.of("configuration set async on at 25 %"), null, null), t);
        RolloutState s = machine.state();
        assertEquals(2, s.stageIndex(), "judged by the criteria of 10 %, the highest stage at or below 25 %");
        assertEquals(25, s.percent());
        assertTrue(s.asyncEnabled());
        assertEquals(LATER, s.stageStartedAt());
        assertEquals(Optional.empty(), machine.adoptConfig(true, 25, LATER, HEAP), "nothing changed");
        machine.adoptConfig(false, 25, LATER, HEAP).orElseThrow();
        assertEquals(0, machine.state().stageIndex());
        assertEquals(0, machine.state().percent());
        assertFalse(machine.state().asyncEnabled());
        assertEquals(Optional.empty(), machine.adoptConfig(false, 40, LATER, HEAP), "off is off at any percent");
        assertEquals(4, machine.adoptConfig(true, 100, LATER, HEAP).orElseThrow().toStage());
        assertThrows(IllegalArgumentException.class, () -> machine.adoptConfig(true, 100.5, LATER, HEAP));
    }

    @Test
    void ignoresAnEvaluationOfAStageItHasLeft() {
        machine = atStage(1);
        Evaluation stale = evaluation(Verdict.PROMOTE, LATER, false);
        machine.promote(Actor.OPERATOR, LATER, HEAP);
        RolloutState before = machine.state();
        assertEquals(Optional.empty(), machine.onEvaluation(stale, true, HEAP, LATER));
        assertSame(before, machine.state());
    }

    @Test
    void remembersSinceWhenTheSuccessRateIsInTheReviewBand() {
        machine = atStage(2);
        Instant first = T0.plusSeconds(60);
        machine.onEvaluation(evaluation(Verdict.HOLD, first, true), true, HEAP, first);
        machine.onEvaluation(evaluation(Verdict.HOLD, first.plusSeconds(60), true), true, HEAP, first.plusSeconds(60));
        assertEquals(first, machine.state().reviewSince());
        Instant later = first.plusSeconds(1_800);
        machine.onEvaluation(evaluation(Verdict.REVIEW, later, true), true, HEAP, later);
        assertEquals(ControllerState.REVIEW, machine.state().controllerState());
        assertEquals(first, machine.state().reviewSince());
        machine.onEvaluation(evaluation(Verdict.HOLD, later, false), true, HEAP, later);
        assertNull(machine.state().reviewSince());
        assertEquals(ControllerState.HOLDING, machine.state().controllerState());
    }

    @Test
    void recordsAnOperatorsRollbackWithTheOperatorsReasons() {
        machine = atStage(3);
        Transition t = machine.rollback(Actor.OPERATOR, List.of("customers report truncated files"), LATER);
        assertEquals(Actor.OPERATOR, t.actor());
        assertEquals(List.of("customers report truncated files"), t.reasons());
        assertNull(t.kpis(), "no evaluation of this stage was at hand");
        assertEquals(ControllerState.ROLLED_BACK, machine.state().controllerState());
    }
}
