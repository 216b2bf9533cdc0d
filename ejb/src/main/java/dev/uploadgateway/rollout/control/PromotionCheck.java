package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.Criteria;
import dev.uploadgateway.rollout.entity.Kpis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage's criteria against its KPIs, one sentence per criterion, sorted into met and missing.
 * Too little data is a missing criterion like any other, never a failure: the sentence says how
 * many uploads and how much time are still needed.
 */
final class PromotionCheck {

    final List<String> met = new ArrayList<>();
    final List<String> missing = new ArrayList<>();

    static PromotionCheck baseline(Kpis k, Criteria c) {
        PromotionCheck check = new PromotionCheck();
        check.uploads(k.syncUploads(), c.minUploads(), " sync uploads for the baseline");
        check.time(k.timeInStage(), c.minDuration());
        check.add(k.syncP95Ms() != null, k.syncP95Ms() == null ? new Sentence("no sync latency measured yet")
                : new Sentence("sync baseline p50 ").number(k.syncP50Ms()).text(" ms, p95 ").number(k.syncP95Ms())
                        .text(" ms"));
        return check;
    }

    static PromotionCheck stage(Kpis k, Criteria c) {
        PromotionCheck check = new PromotionCheck();
        check.uploads(k.asyncAttempts(), c.minUploads(), " async uploads");
        check.time(k.timeInStage(), c.minDuration());
        boolean proven = k.asyncSuccess().lower() >= c.minSuccessRate();
        check.add(proven, new Sentence("async success ").percent(k.asyncSuccess().estimate())
                .text(" (lower bound ").percent(k.asyncSuccess().lower())
                .text(proven ? ") ≥ " : ") not yet ≥ ").limit(c.minSuccessRate()));
        boolean bounded = k.asyncError().upper() <= c.maxErrorRate();
        check.add(bounded, new Sentence("errors ").percent(k.asyncError().estimate()).text(" (upper bound ")
                .percent(k.asyncError().upper()).text(bounded ? ") ≤ " : ") not yet ≤ ").limit(c.maxErrorRate()));
        Double ratio = k.p95Ratio();
        if (ratio == null) {
            check.add(false, new Sentence("no latency comparison yet: async p95 ").text(String.valueOf(k.asyncP95Ms()))
                    .text(" ms, sync p95 ").text(String.valueOf(k.syncP95Ms()))
                    .text(" ms (needs enough samples on both sides or a baseline)"));
        } else {
            boolean fast = ratio <= c.maxLatencyRatio();
            check.add(fast, new Sentence("async p95 ").number(k.asyncP95Ms()).text(" ms is ").fixed2(ratio)
                    .text(" × sync p95 ").number(k.syncP95Ms()).text(fast ? " ms ≤ " : " ms not ≤ ")
                    .text(Sentence.trimmed(c.maxLatencyRatio())).text(" ×"));
        }
        return check;
    }

    boolean allMet() {
        return missing.isEmpty();
    }

    private void uploads(long have, long need, String what) {
        add(have >= need, have >= need ? new Sentence("").number(have).text(what).text(" ≥ ").number(need)
                : new Sentence("only ").number(have).text(" of ").number(need).text(what).text(" yet (")
                        .number(need - have).text(" more needed)"));
    }

    private void time(Duration have, Duration need) {
        boolean enough = have.compareTo(need) >= 0;
        add(enough, enough ? new Sentence("").duration(have).text(" in stage ≥ ").duration(need)
                : new Sentence("").duration(have).text(" in stage of ").duration(need).text(" (")
                        .duration(need.minus(have)).text(" to go)"));
    }

    private void add(boolean ok, Sentence sentence) {
        (ok ? met : missing).add(sentence.toString());
    }
}
