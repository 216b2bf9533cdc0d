package dev.uploadgateway.rollout.entity;

import java.time.Instant;
import java.util.List;

/**
 * The verdict on a stage and why, in sentences with their numbers, with the evidence and the
 * criteria it was judged by. {@code inReviewBand} says whether the async success rate is in the
 * review band now, so the caller can remember since when (the band must hold for a while before it
 * counts).
 */
public record Evaluation(Verdict verdict, List<String> reasons, Kpis kpis, Criteria criteria, Instant at,
        boolean inReviewBand) {

    public Evaluation {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
