package dev.uploadgateway.rollout.entity;

/** A move of the rollout that took effect, announced after it was stored, with the node that made it. */
public record RolloutMoved(Transition transition, String node) {
}
