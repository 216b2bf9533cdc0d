package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.Kpis;
import dev.uploadgateway.rollout.entity.RecentOutcomes;
import dev.uploadgateway.rollout.entity.Triggers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rollback and review triggers, each returning the sentences of those crossed. Rates are
 * judged only on at least a recent window's worth of async uploads: fewer leave the interval too
 * wide to mean anything, and the Wilson interval is too optimistic for a handful of trials.
 */
final class TriggerCheck {

    private TriggerCheck() {
    }

    /**
     * Runs after every async upload, so it first rules out the common healthy case without a square
     * root: a Wilson interval always contains its point estimate, so a bound cannot cross a line
     * the estimate has not crossed.
     */
    static boolean recentCrossed(RecentOutcomes r, Triggers t) {
        if (!r.full()) {
            return false;
        }
        double n = r.trials();
        boolean successMayCross = r.successes() < t.rollbackSuccessBelow() * n;
        boolean errorMayCross = r.errors() > t.rollbackErrorAbove() * n;
        return successMayCross && Wilson.upper(r.successes(), r.trials(), t.rollbackZ()) < t.rollbackSuccessBelow()
                || errorMayCross && Wilson.lower(r.errors(), r.trials(), t.rollbackZ()) > t.rollbackErrorAbove();
    }

    static List<String> rollback(Kpis k, Triggers t) {
        List<String> crossed = new ArrayList<>();
        rates(crossed, "last " + k.recentSuccess().trials() + " async uploads", k.recentSuccess().events(),
                k.recentError().events(), k.recentSuccess().trials(), t);
        rates(crossed, "stage", k.asyncSucceeded(), k.asyncError().events(), k.asyncAttempts(), t);
        long growth = k.heapNow() - k.heapAtStageStart();
        if (k.heapAtStageStart() > 0 && k.heapGrowth() > t.heapSpikeAbove() && growth > t.heapSpikeMinBytes()) {
            crossed.add(new Sentence("heap grew ").percent(k.heapGrowth()).text(" from ")
                    .mebibytes(k.heapAtStageStart()).text(" to ").mebibytes(k.heapNow()).text(" (> ")
                    .limit(t.heapSpikeAbove()).text(" and > ").mebibytes(t.heapSpikeMinBytes()).text(")").toString());
        }
        for (Map.Entry<String, Long> e : k.criticalErrors().entrySet()) {
            crossed.add("critical error " + e.getKey() + " on " + e.getValue() + " async upload(s)");
        }
        return crossed;
    }

    private static void rates(List<String> crossed, String scope, long successes, long errors, long n, Triggers t) {
        if (n < t.recentWindow()) {
            return;
        }
        double upper = Wilson.upper(successes, n, t.rollbackZ());
        if (upper < t.rollbackSuccessBelow()) {
            crossed.add(new Sentence(scope).text(": async success ").percent((double) successes / n).text(" of ")
                    .number(n).text(" (upper bound ").percent(upper).text(") < ").limit(t.rollbackSuccessBelow())
                    .toString());
        }
        double lower = Wilson.lower(errors, n, t.rollbackZ());
        if (lower > t.rollbackErrorAbove()) {
            crossed.add(new Sentence(scope).text(": errors ").percent((double) errors / n).text(" of ").number(n)
                    .text(" (lower bound ").percent(lower).text(") > ").limit(t.rollbackErrorAbove()).toString());
        }
    }

    static boolean inReviewBand(Kpis k, Triggers t) {
        double rate = k.asyncSuccess().estimate();
        return k.asyncAttempts() >= t.recentWindow() && rate >= t.rollbackSuccessBelow()
                && rate < t.reviewSuccessBelow();
    }

    /** @param since when the success rate entered the review band, null when not in it */
    static List<String> review(Kpis k, Triggers t, Instant now, Instant since) {
        List<String> crossed = new ArrayList<>();
        if (since != null && Duration.between(since, now).compareTo(t.reviewSustain()) >= 0) {
            crossed.add(new Sentence("async success ").percent(k.asyncSuccess().estimate())
                    .text(" in the review band [").limit(t.rollbackSuccessBelow()).text(", ")
                    .limit(t.reviewSuccessBelow()).text(") for ").duration(Duration.between(since, now))
                    .text(" (review after ").duration(t.reviewSustain()).text(")").toString());
        }
        if (k.p95Ratio() != null && k.p95Ratio() > t.reviewLatencyAbove()) {
            crossed.add(new Sentence("async p95 ").number(k.asyncP95Ms()).text(" ms is ").fixed2(k.p95Ratio())
                    .text(" × sync p95 ").number(k.syncP95Ms()).text(" ms (> ")
                    .text(Sentence.trimmed(t.reviewLatencyAbove())).text(" ×)").toString());
        }
        return crossed;
    }
}
