package dev.uploadgateway.rollout.entity;

import java.time.Instant;
import java.util.List;

/**
 * One move of the rollout, as the audit trail records it: who, what, from where to where, and the
 * evidence (verdict, reasons, KPIs, criteria) it was taken on; the evidence is null when none was
 * at hand.
 *
 * @param action promote, approve, rollback, pause, resume, adopt-config, rules, complete, verdict, gate
 *        (a manual gate awaits approval), inconclusive (a stage paused for taking too long) or webhook (a
 *        notification's delivery)
 * @param by the authenticated name behind an operator's move (an HTTP principal, or {@code jmx:<name>}), null
 *        for the controller's and the configuration's own moves
 */
public record Transition(Instant at, Actor actor, String action, int fromStage, double fromPercent, int toStage,
        double toPercent, Verdict verdict, List<String> reasons, Kpis kpis, Criteria criteria, String by) {

    public Transition {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** A move nobody signed for: the controller's or the configuration's. */
    public Transition(Instant at, Actor actor, String action, int fromStage, double fromPercent, int toStage,
            double toPercent, Verdict verdict, List<String> reasons, Kpis kpis, Criteria criteria) {
        this(at, actor, action, fromStage, fromPercent, toStage, toPercent, verdict, reasons, kpis, criteria, null);
    }

    /** The same move, signed by the operator who made it. */
    public Transition signedBy(String name) {
        return new Transition(at, actor, action, fromStage, fromPercent, toStage, toPercent, verdict, reasons, kpis,
                criteria, name);
    }

    /** Whether a new stage begins, so the caller starts a fresh stage window. */
    public boolean startsStage() {
        return fromStage != toStage || fromPercent != toPercent;
    }
}
