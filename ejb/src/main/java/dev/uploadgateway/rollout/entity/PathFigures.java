package dev.uploadgateway.rollout.entity;

/** One provider's uploads on one path: how many, how many succeeded, and how long they took. */
public record PathFigures(String provider, String path, long uploads, long succeeded, double successRate,
                          Long p50Ms, Long p95Ms, Double meanMs) {
}
