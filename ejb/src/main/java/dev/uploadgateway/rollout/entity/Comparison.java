package dev.uploadgateway.rollout.entity;

import java.util.List;

/**
 * The async path against the sync baseline for one provider, from real uploads: latency
 * improvement in percent of the sync p50 (positive = async faster) and the success-rate difference
 * in percentage points (positive = async better); null where a side has no uploads.
 */
public record Comparison(String provider, PathFigures sync, PathFigures async, PathFigures syncFallback,
                         Double p50ImprovementPercent, Double p95ImprovementPercent, Double successDifferencePoints) {

    /** All providers, with the window of uploads they were computed from. */
    public record Report(int uploadsConsidered, List<Comparison> providers) {
    }
}
