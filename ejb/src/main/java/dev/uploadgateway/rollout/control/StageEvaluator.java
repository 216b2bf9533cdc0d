package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.Criteria;
import dev.uploadgateway.rollout.entity.Evaluation;
import dev.uploadgateway.rollout.entity.Kpis;
import dev.uploadgateway.rollout.entity.Outcome;
import dev.uploadgateway.rollout.entity.RecentOutcomes;
import dev.uploadgateway.rollout.entity.StagePlan;
import dev.uploadgateway.rollout.entity.Triggers;
import dev.uploadgateway.rollout.entity.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a stage: ROLLBACK over REVIEW over PROMOTE over HOLD. A pure function of the KPIs, the
 * stage's plan and the triggers, so every verdict can be replayed from the audit trail. The
 * baseline stage sends nothing async, so it is never rolled back or reviewed; it only waits for
 * enough sync uploads to measure the latency later stages are compared with.
 */
public final class StageEvaluator {

    private StageEvaluator() {
    }

    /**
     * Whether the upload just recorded calls for an evaluation now rather than at the next
     * interval: it carried a critical error class, or the recent window crossed a rollback trigger.
     * Constant work, meant to run after every async outcome.
     */
    public static boolean alarmed(Outcome latest, RecentOutcomes recent, Triggers t) {
        boolean critical = latest.errorClass() != null && t.criticalErrorClasses().contains(latest.errorClass());
        return latest.triedAsync() && (critical || TriggerCheck.recentCrossed(recent, t));
    }

    /**
     * @param reviewSince when the async success rate entered the review band, as the caller
     *                    remembered it from earlier evaluations' {@link Evaluation#inReviewBand()};
     *                    null when it was not in the band
     */
    public static Evaluation evaluate(Kpis k, StagePlan plan, Triggers t, Instant now, Instant reviewSince) {
        Criteria c = plan.criteria();
        boolean baseline = plan.index() == 0;
        boolean band = !baseline && TriggerCheck.inReviewBand(k, t);
        if (!baseline) {
            List<String> rollback = TriggerCheck.rollback(k, t);
            if (!rollback.isEmpty()) {
                return new Evaluation(Verdict.ROLLBACK, rollback, k, c, now, band);
            }
            List<String> review = TriggerCheck.review(k, t, now, band ? since(reviewSince, now) : null);
            if (!review.isEmpty()) {
                return new Evaluation(Verdict.REVIEW, review, k, c, now, band);
            }
        }
        PromotionCheck check = baseline ? PromotionCheck.baseline(k, c) : PromotionCheck.stage(k, c);
        if (check.allMet()) {
            return new Evaluation(Verdict.PROMOTE, check.met, k, c, now, band);
        }
        List<String> reasons = new ArrayList<>(check.missing);
        if (band) {
            reasons.add(new Sentence("async success ").percent(k.asyncSuccess().estimate())
                    .text(" in the review band since ").duration(Duration.between(since(reviewSince, now), now))
                    .text(" (review after ").duration(t.reviewSustain()).text(")").toString());
        }
        reasons.addAll(check.met);
        return new Evaluation(Verdict.HOLD, reasons, k, c, now, band);
    }

    private static Instant since(Instant reviewSince, Instant now) {
        return reviewSince == null ? now : reviewSince;
    }
}
