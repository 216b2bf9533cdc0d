package dev.uploadgateway.rollout.control;

import static dev.uploadgateway.rollout.control.Uploads.T0;
import static dev.uploadgateway.rollout.control.Uploads.async;
import static dev.uploadgateway.rollout.control.Uploads.failed;
import static dev.uploadgateway.rollout.control.Uploads.fellBack;
import static dev.uploadgateway.rollout.control.Uploads.record;
import static dev.uploadgateway.rollout.control.Uploads.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.rollout.entity.ControllerState;
import dev.uploadgateway.rollout.entity.Criteria;
import dev.uploadgateway.rollout.entity.Evaluation;
import dev.uploadgateway.rollout.entity.RolloutState;
import dev.uploadgateway.rollout.entity.Schedule;
import dev.uploadgateway.rollout.entity.StagePlan;
import dev.uploadgateway.rollout.entity.Triggers;
import dev.uploadgateway.rollout.entity.Verdict;
import dev.uploadgateway.upload.entity.UploadPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageEvaluatorTest {

    private static final Schedule SCHEDULE = ShippedRules.RULES.schedule();
    private static final Triggers TRIGGERS = ShippedRules.RULES.triggers();
    private static final long HEAP = 512L << 20;

    private final StageWindow window = new StageWindow(TRIGGERS.recentWindow());

    private Evaluation evaluate(int stage, Duration inStage, long heapNow, Instant reviewSince) {
        return evaluate(SCHEDULE.plan(stage), inStage, HEAP, heapNow, reviewSince);
    }

    private Evaluation evaluate(StagePlan plan, Duration inStage, long heapAtStart, long heapNow, Instant reviewSince) {
        RolloutState state = RolloutState.initial(T0, heapAtStart)
                .withStage(plan.index(), plan.percent(), plan.index() > 0, ControllerState.HOLDING, T0, heapAtStart);
        Instant now = T0.plus(inStage);
        return StageEvaluator.evaluate(window.kpis(now, heapNow, state, TRIGGERS), plan, TRIGGERS, now, reviewSince);
    }

    private static void assertReason(Evaluation e, String expected) {
        assertTrue(e.reasons().stream().anyMatch(r -> r.contains(expected)), () -> expected + " in " + e.reasons());
    }

    /** 3000 async uploads at 99.9 %, faster than 500 sync ones. */
    private void healthyStage() {
        record(window, 3_000, async(800));
        record(window, 3, fellBack(true));
        record(window, 500, sync(1_000));
    }

    @Test
    void holdsAndSaysHowManyUploadsAndHowMuchTimeAreStillMissing() {
        record(window, 37, async(800));
        record(window, 500, sync(1_000));
        Evaluation e = evaluate(1, Duration.ofHours(2), HEAP, null);
        assertEquals(Verdict.HOLD, e.verdict());
        assertEquals("only 37 of 100 async uploads yet (63 more needed)", e.reasons().get(0));
        assertEquals("2 h in stage of 1 d (22 h to go)", e.reasons().get(1));
    }

    @Test
    void promotesWhenEveryCriterionIsMetWithConfidence() {
        healthyStage();
        Evaluation e = evaluate(1, Duration.ofHours(25), HEAP, null);
        assertEquals(Verdict.PROMOTE, e.verdict(), e.reasons()::toString);
        assertReason(e, "3003 async uploads ≥ 100");
        assertReason(e, "1 d 1 h in stage ≥ 1 d");
        assertReason(e, "async success 99.90 % (lower bound 99.7");
        assertReason(e, ") ≥ 99.5 %");
        assertReason(e, " × sync p95 ");
        assertEquals(SCHEDULE.plan(1).criteria(), e.criteria());
    }

    @Test
    void holdsWhenTheRateLooksGoodButItsLowerBoundIsNotThereYet() {
        record(window, 499, async(800));
        window.record(fellBack(true));
        record(window, 500, sync(1_000));
        Evaluation e = evaluate(1, Duration.ofHours(25), HEAP, null);
        assertEquals(Verdict.HOLD, e.verdict());
        assertReason(e, "async success 99.80 % (lower bound 99.11 %) not yet ≥ 99.5 %");
        assertReason(e, "errors 0.00 % (upper bound 0.54 %) not yet ≤ 0.5 %");
    }

    @Test
    void rollsBackWhenTheRecentSuccessBoundFallsBelowTheTrigger() {
        record(window, 1_000, async(800));
        for (int i = 0; i < 100; i++) {
            window.record(i % 10 == 0 ? fellBack(true) : async(800));
        }
        Evaluation e = evaluate(2, Duration.ofHours(5), HEAP, null);
        assertEquals(Verdict.ROLLBACK, e.verdict());
        assertEquals(1, e.reasons().size(), "the stage as a whole is still fine");
        assertTrue(e.reasons().get(0).startsWith("last 100 async uploads: async success 90.00 % of 100 (upper bound 9"),
                e.reasons()::toString);
        assertTrue(e.reasons().get(0).endsWith(") < 95 %"));
    }

    @Test
    void rollsBackWhenTheRecentErrorBoundRisesAboveTheTrigger() {
        record(window, 1_000, async(800));
        for (int i = 0; i < 100; i++) {
            window.record(i % 8 == 0 ? fellBack(false) : async(800));
        }
        Evaluation e = evaluate(2, Duration.ofHours(5), HEAP, null);
        assertEquals(Verdict.ROLLBACK, e.verdict());
        assertReason(e, "last 100 async uploads: errors 13.00 % of 100 (lower bound ");
        assertReason(e, ") > 5 %");
    }

    @Test
    void rollsBackOnTheWholeStageToo() {
        record(window, 900, async(800));
        record(window, 100, fellBack(true));
        Evaluation e = evaluate(3, Duration.ofHours(5), HEAP, null);
        assertEquals(Verdict.ROLLBACK, e.verdict());
        assertReason(e, "stage: async success 90.00 % of 1000");
    }

    @Test
    void doesNotRollBackOnAHandfulOfUnluckyUploads() {
        record(window, 3, fellBack(false));
        Evaluation e = evaluate(1, Duration.ofMinutes(10), HEAP, null);
        assertEquals(Verdict.HOLD, e.verdict(), e.reasons()::toString);
        assertReason(e, "only 3 of 100 async uploads yet");
    }

    @Test
    void rollsBackOnACriticalErrorClassAtOnce() {
        healthyStage();
        window.record(failed(UploadPath.ASYNC, "OutOfMemoryError"));
        Evaluation e = evaluate(1, Duration.ofHours(25), HEAP, null);
        assertEquals(Verdict.ROLLBACK, e.verdict(), "outranks the met criteria");
        assertEquals(List.of("critical error OutOfMemoryError on 1 async upload(s)"), e.reasons());
    }

    @Test
    void ignoresCriticalClassesOnTheSyncPath() {
        window.record(failed(UploadPath.SYNC, "OutOfMemoryError"));
        assertEquals(Verdict.HOLD, evaluate(1, Duration.ofHours(1), HEAP, null).verdict());
    }

    @Test
    void rollsBackOnAHeapSpikeAboveBothTheShareAndTheBytes() {
        Evaluation spike = evaluate(1, Duration.ofHours(1), HEAP + HEAP * 6 / 10, null);
        assertEquals(Verdict.ROLLBACK, spike.verdict());
        assertEquals(List.of("heap grew 60.00 % from 512 MiB to 819 MiB (> 20 % and > 256 MiB)"), spike.reasons());
        assertEquals(Verdict.HOLD, evaluate(1, Duration.ofHours(1), HEAP + HEAP * 3 / 10, null).verdict(),
                "30 % of 512 MiB is under 256 MiB");
        assertEquals(Verdict.HOLD, evaluate(1, Duration.ofHours(1), HEAP + HEAP / 10, null).verdict());
        long small = 100L << 20;
        assertEquals(Verdict.HOLD,
                evaluate(SCHEDULE.plan(1), Duration.ofHours(1), small, small + (30L << 20), null).verdict(),
                "30 % of a small heap is under 256 MiB");
    }

    @Test
    void reviewsWhenSuccessStaysInTheBandForTheSustainTime() {
        for (int i = 0; i < 1_000; i++) {
            window.record(i % 25 == 0 ? fellBack(true) : async(800));
        }
        record(window, 500, sync(1_000));
        Duration inStage = Duration.ofHours(5);
        Evaluation sustained = evaluate(2, inStage, HEAP, T0.plus(inStage).minus(Duration.ofMinutes(31)));
        assertEquals(Verdict.REVIEW, sustained.verdict());
        assertEquals(List.of("async success 96.00 % in the review band [95 %, 97 %) for 31 min (review after 30 min)"),
                sustained.reasons());
        Evaluation recent = evaluate(2, inStage, HEAP, T0.plus(inStage).minus(Duration.ofMinutes(10)));
        assertEquals(Verdict.HOLD, recent.verdict());
        assertReason(recent, "in the review band since 10 min (review after 30 min)");
        Evaluation entering = evaluate(2, inStage, HEAP, null);
        assertEquals(Verdict.HOLD, entering.verdict());
        assertTrue(entering.inReviewBand(), "the caller learns that the band holds now");
    }

    @Test
    void reviewsButNeverRollsBackForLatency() {
        record(window, 1_000, async(1_500));
        record(window, 500, sync(1_000));
        Evaluation e = evaluate(2, Duration.ofHours(50), HEAP, null);
        assertEquals(Verdict.REVIEW, e.verdict());
        assertReason(e, "ms is 1.50 × sync p95 ");
        assertReason(e, "(> 1.2 ×)");
        assertFalse(e.inReviewBand());
    }

    @Test
    void reviewOutranksPromotion() {
        record(window, 3_000, async(1_500));
        record(window, 500, sync(1_000));
        Criteria lenient = new Criteria(0.99, 0.01, 2.0, 100, Duration.ofHours(1));
        StagePlan plan = new StagePlan(SCHEDULE.plan(2).stage(), lenient);
        assertEquals(Verdict.REVIEW, evaluate(plan, Duration.ofHours(2), HEAP, HEAP, null).verdict());
    }

    @Test
    void promotesTheBaselineStageOnceItMeasuredSyncLatency() {
        record(window, 150, sync(1_000));
        Evaluation e = evaluate(0, Duration.ofHours(2), HEAP * 2, null);
        assertEquals(Verdict.PROMOTE, e.verdict(), "no async, so no heap trigger either");
        assertReason(e, "150 sync uploads for the baseline ≥ 100");
        assertReason(e, "sync baseline p50 ");
    }

    @Test
    void holdsTheBaselineStageUntilItHasEnoughSyncUploads() {
        record(window, 40, sync(1_000));
        Evaluation e = evaluate(0, Duration.ofMinutes(30), HEAP, null);
        assertEquals(Verdict.HOLD, e.verdict());
        assertEquals("only 40 of 100 sync uploads for the baseline yet (60 more needed)", e.reasons().get(0));
        assertEquals("30 min in stage of 1 h (30 min to go)", e.reasons().get(1));
    }

    @Test
    void raisesAnAlarmOnTheUploadThatCrossesTheRecentTrigger() {
        record(window, 94, async(800));
        for (int i = 0; i < 6; i++) {
            assertFalse(StageEvaluator.alarmed(fellBack(true), window.record(fellBack(true)), TRIGGERS));
        }
        assertTrue(StageEvaluator.alarmed(fellBack(true), window.record(fellBack(true)), TRIGGERS),
                "7 failures in the last 100 put the upper bound below 95 %");
    }

    @Test
    void raisesAnAlarmOnACriticalErrorEvenBeforeTheWindowIsFull() {
        var oom = failed(UploadPath.ASYNC, "OutOfMemoryError");
        assertTrue(StageEvaluator.alarmed(oom, window.record(oom), TRIGGERS));
        var syncOom = failed(UploadPath.SYNC, "OutOfMemoryError");
        assertFalse(StageEvaluator.alarmed(syncOom, window.record(syncOom), TRIGGERS));
    }
}
