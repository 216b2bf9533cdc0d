package dev.uploadgateway.rollout.entity;

import java.time.Instant;
import java.util.List;

/**
 * One move of the rollout, as the audit trail records it: who, what, from where to where, and the
 * evidence (verdict, reasons, KPIs, criteria) it was taken on; the evidence is null when none was
 * at hand.
 *
 * @param action promote, rollback, pause, resume, adopt-config or complete
 */
public record Transition(Instant at, Actor actor, String action, int fromStage, double fromPercent, int toStage,
        double toPercent, Verdict verdict, List<String> reasons, Kpis kpis, Criteria criteria) {

    public Transition {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** Whether a new stage begins, so the caller starts a fresh stage window. */
    public boolean startsStage() {
        return fromStage != toStage || fromPercent != toPercent;
    }
}
