package dev.uploadgateway.rollout.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.rollout.entity.ControllerState;
import dev.uploadgateway.rollout.entity.Gate;
import dev.uploadgateway.rollout.entity.RolloutRules;
import dev.uploadgateway.rollout.entity.RolloutState;
import dev.uploadgateway.rollout.entity.Schedule;
import dev.uploadgateway.rollout.entity.StagePlan;
import dev.uploadgateway.rollout.entity.Transition;
import dev.uploadgateway.rollout.entity.Verdict;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The acceptance test of the rollout's brain: the shipped rules with auto-promotion on, driven by
 * synthetic traffic on a virtual clock (see {@link Replay}). Every figure is printed as one line.
 * Tagged slow (20-50 s): it runs in failsafe's integration-test phase of {@code mvn verify}, not in
 * the unit phase (see ejb/pom.xml).
 */
@Tag("slow")
class RolloutReplayTest {

    private static final RolloutRules RULES = withInterval(ShippedRules.RULES.evaluationInterval());
    /** Enough for 1 % of the traffic to prove 99.5 % within days, yet cheap to replay a thousand times. */
    private static final Traffic HEALTHY = Traffic.healthy(1_000);
    private static final Duration A_YEAR = Duration.ofDays(365);

    private static RolloutRules withInterval(Duration interval) {
        RolloutRules shipped = ShippedRules.RULES;
        return new RolloutRules(shipped.schedule(), shipped.triggers(), true, interval);
    }

    private static Replay healthyRollout(RolloutRules rules, long seed, int nodes) {
        return new Replay(rules, RolloutState.initial(Replay.START, Replay.HEAP), seed, nodes).play(HEALTHY, A_YEAR);
    }

    private static ControllerState end(Replay replay) {
        return replay.machine.state().controllerState();
    }

    @Test
    void walksAHealthyRolloutThroughEveryStageToCompletion() {
        Replay replay = healthyRollout(RULES, 1, 1);
        List<Transition> moves = replay.transitions;
        assertEquals(List.of("promote", "promote", "promote", "promote", "complete"),
                moves.stream().map(Transition::action).collect(Collectors.toList()));
        assertEquals(List.of(1.0, 10.0, 50.0, 100.0, 100.0),
                moves.stream().map(Transition::toPercent).collect(Collectors.toList()));
        assertEquals(ControllerState.COMPLETE, end(replay));
        assertEquals(0, replay.count(Verdict.ROLLBACK));
        StringBuilder line = new StringBuilder("healthy rollout at 1000 uploads/h:");
        for (Transition t : moves) {
            line.append(String.format(" | stage %d (%s %%) %s, %d async + %d sync uploads", t.fromStage(),
                    Sentence.trimmed(t.fromPercent()), new Sentence("").duration(t.kpis().timeInStage()),
                    t.kpis().asyncAttempts(), t.kpis().syncUploads()));
        }
        System.out.println(line);
    }

    /**
     * Evaluates every 10 virtual minutes instead of every minute so that a thousand rollouts (over
     * half a billion uploads) replay in seconds. False rollbacks do not depend on it: the triggers
     * are checked after every async upload; only promotions come up to ten minutes later.
     */
    @ParameterizedTest(name = "on {0} node(s)")
    @ValueSource(ints = {1, 3})
    void rollsBackFewerThanOneInAHundredHealthyRollouts(int nodes) {
        RolloutRules rules = withInterval(Duration.ofMinutes(10));
        Replay[] runs = IntStream.range(0, 1_000).parallel().mapToObj(seed -> healthyRollout(rules, 1_000 + seed, nodes))
                .toArray(Replay[]::new);
        long rolledBack = Arrays.stream(runs).filter(r -> end(r) == ControllerState.ROLLED_BACK).count();
        long completed = Arrays.stream(runs).filter(r -> end(r) == ControllerState.COMPLETE).count();
        double[] days = Arrays.stream(runs).filter(r -> end(r) == ControllerState.COMPLETE)
                .mapToDouble(r -> Duration.between(Replay.START, r.lastEvaluation.at()).toHours() / 24.0).sorted()
                .toArray();
        System.out.printf("1000 healthy rollouts on %d node(s): %d false rollbacks, %d completed in %.1f days median "
                + "(%.1f to %.1f)%n", nodes, rolledBack, completed, days[days.length / 2], days[0], days[days.length - 1]);
        assertTrue(rolledBack < 10, rolledBack + " false rollbacks");
        assertEquals(1_000, completed + rolledBack, "every rollout ends, one way or the other");
    }

    @ParameterizedTest(name = "on {0} node(s)")
    @ValueSource(ints = {1, 3})
    void rollsBackARegressionAtFiftyPercentWithinTwoHundredAsyncUploads(int nodes) {
        long[] uploadsToRollback = IntStream.range(0, 200).parallel().mapToLong(seed -> {
            Replay replay = new Replay(RULES, Replay.atStage(RULES, 3), 5_000 + seed, nodes)
                    .play(HEALTHY, Duration.ofHours(6));
            assertEquals(ControllerState.HOLDING, end(replay), "healthy before the regression");
            long before = replay.asyncUploads;
            replay.play(HEALTHY.withAsyncSuccess(0.90), Duration.ofDays(2));
            assertEquals(ControllerState.ROLLED_BACK, end(replay));
            assertEquals(0.0, replay.machine.state().percent());
            return replay.asyncUploadsAtRollback - before;
        }).sorted().toArray();
        long within = Arrays.stream(uploadsToRollback).filter(n -> n <= 200).count();
        System.out.printf("regression to 90 %% at 50 %% on %d node(s), 200 seeds: rolled back after %d / %d / %d / %d async uploads "
                + "(min / median / p99 / max), %d of 200 within 200%n", nodes, uploadsToRollback[0], uploadsToRollback[100],
                uploadsToRollback[197], uploadsToRollback[199], within);
        assertTrue(within >= 198, within + " of 200 within 200 uploads");
    }

    @Test
    void raisesReviewNotRollbackWhenAsyncIsSlowerButHealthy() {
        Replay replay = new Replay(RULES, Replay.atStage(RULES, 3), 7)
                .play(HEALTHY.withAsyncMedianMs(1_500), Duration.ofDays(4));
        assertEquals(ControllerState.REVIEW, end(replay));
        assertEquals(List.of(), replay.transitions, "neither promoted nor rolled back");
        assertEquals(0, replay.count(Verdict.ROLLBACK));
        assertEquals(0, replay.count(Verdict.PROMOTE));
        System.out.printf("latency regression (async p95 %.2f × sync) at 50 %%: REVIEW first after %s, %d REVIEW and "
                + "0 ROLLBACK verdicts over 4 days; %s%n", replay.lastEvaluation.kpis().p95Ratio(),
                new Sentence("").duration(Duration.between(Replay.START, replay.firstVerdicts.get(Verdict.REVIEW))),
                replay.count(Verdict.REVIEW), replay.lastEvaluation.reasons());
    }

    @Test
    void holdsAtLowTrafficWithoutRollingBackOrPromoting() {
        Traffic tenADay = Traffic.healthy(10 / 24.0);
        for (int stage : new int[] {0, 4}) {
            long evaluations = 0;
            Replay replay = null;
            for (int seed = 0; seed < 20; seed++) {
                replay = new Replay(RULES, Replay.atStage(RULES, stage), seed).play(tenADay, Duration.ofDays(7));
                assertEquals(List.of(), replay.transitions);
                assertEquals(Arrays.stream(replay.verdicts).sum(), replay.count(Verdict.HOLD), "only HOLD verdicts");
                evaluations += replay.count(Verdict.HOLD);
            }
            System.out.printf("low traffic (10 uploads/day) for a week at stage %d, 20 seeds: %d evaluations, all "
                    + "HOLD; e.g. %s%n", stage, evaluations, replay.lastEvaluation.reasons().subList(0, 2));
        }
    }

    /** The shipped rules, auto-promotion on, with every stage changed by {@code change} and the given windows. */
    private static RolloutRules withPlans(UnaryOperator<StagePlan> change, String windows) {
        Schedule schedule = new Schedule(RULES.schedule().plans().stream().map(change).toList());
        return new RolloutRules(schedule, RULES.triggers(), true, RULES.evaluationInterval(), WindowText.parse(windows));
    }

    @Test
    void waitsAtEveryManualGateAndMovesOnlyOnTheOperatorsApproval() {
        RolloutRules rules = withPlans(p -> new StagePlan(p.stage(), p.criteria(), Gate.MANUAL, Duration.ZERO), "");
        Replay replay = new Replay(rules, RolloutState.initial(Replay.START, Replay.HEAP), 1)
                .approvingAfter(Duration.ofHours(2)).play(HEALTHY, A_YEAR);
        List<Transition> moves = replay.transitions;
        assertEquals(List.of("gate", "approve", "gate", "approve", "gate", "approve", "gate", "approve", "complete"),
                moves.stream().map(Transition::action).collect(Collectors.toList()));
        for (int i = 0; i < 8; i += 2) {
            Duration waited = Duration.between(moves.get(i).at(), moves.get(i + 1).at());
            assertTrue(waited.compareTo(Duration.ofHours(2)) >= 0 && waited.compareTo(Duration.ofHours(2).plusSeconds(4)) <= 0,
                    "moved on only when the operator approved, at the next upload after 2 h: " + waited);
            assertEquals(moves.get(i).toStage() + 1, moves.get(i + 1).toStage());
        }
        assertEquals(ControllerState.COMPLETE, end(replay));
        System.out.printf("healthy rollout with four manual gates, each approved 2 h after its notice: completed after %s%n",
                new Sentence("").duration(Duration.between(Replay.START, moves.get(moves.size() - 1).at())));
    }

    @Test
    void promotesOnlyInsideTheWindowAndRollsBackAtAnyHour() {
        String office = "Mon-Fri 09:00-16:00 Europe/Berlin";
        RolloutRules rules = withPlans(UnaryOperator.identity(), office);
        Replay healthy = new Replay(rules, RolloutState.initial(Replay.START, Replay.HEAP), 1).play(HEALTHY, A_YEAR);
        List<Transition> promotions = healthy.transitions.stream().filter(t -> t.action().equals("promote")).toList();
        assertEquals(4, promotions.size());
        assertTrue(promotions.stream().allMatch(t -> rules.windows().open(t.at())), "every promotion in the window: "
                + promotions.stream().map(Transition::at).toList());
        assertEquals(ControllerState.COMPLETE, end(healthy));
        Replay anyTime = healthyRollout(RULES, 1, 1);

        long outside = IntStream.range(0, 50).filter(seed -> {
            Replay replay = new Replay(rules, Replay.atStage(rules, 3), 5_000 + seed).play(HEALTHY, Duration.ofHours(6));
            replay.play(HEALTHY.withAsyncSuccess(0.90), Duration.ofDays(2));
            assertEquals(ControllerState.ROLLED_BACK, end(replay));
            Transition back = replay.transitions.get(replay.transitions.size() - 1);
            return !rules.windows().open(back.at());
        }).count();
        assertEquals(50, outside, "a regression starting Monday 07:00 in Berlin is rolled back before the window opens");
        System.out.printf("healthy rollout promoting only %s: completed after %s (any hour: %s); 50 of 50 regressions"
                + " rolled back outside the window%n", office,
                new Sentence("").duration(Duration.between(Replay.START, healthy.lastEvaluation.at())),
                new Sentence("").duration(Duration.between(Replay.START, anyTime.lastEvaluation.at())));
    }

    @Test
    void pausesAStageThatStaysInconclusiveInsteadOfHoldingForever() {
        RolloutRules rules = withPlans(p -> new StagePlan(p.stage(), p.criteria(), Gate.AUTO, Duration.ofDays(3)), "");
        Traffic tenADay = Traffic.healthy(10 / 24.0);
        for (int seed = 0; seed < 20; seed++) {
            Replay replay = new Replay(rules, Replay.atStage(rules, 2), seed).play(tenADay, Duration.ofDays(7));
            assertEquals(List.of("inconclusive"), replay.transitions.stream().map(Transition::action).toList());
            Transition paused = replay.transitions.get(0);
            Duration after = Duration.between(Replay.START, paused.at());
            assertTrue(!after.minus(Duration.ofDays(3)).isNegative()
                    && after.minus(Duration.ofDays(3)).compareTo(RULES.evaluationInterval()) <= 0, after.toString());
            assertTrue(replay.machine.state().paused());
            assertEquals(0, replay.count(Verdict.ROLLBACK) + replay.count(Verdict.PROMOTE));
        }
        System.out.println("low traffic (10 uploads/day) at stage 2 with a 3-day limit, 20 seeds: every one paused"
                + " as inconclusive within one evaluation of 3 days, none promoted or rolled back");
    }
}
