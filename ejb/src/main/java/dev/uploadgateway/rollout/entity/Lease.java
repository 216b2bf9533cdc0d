package dev.uploadgateway.rollout.entity;

/**
 * The leader's lease: which node evaluates and moves the stage, and the term it holds it in. The
 * term rises with every new holder, and a controller's write is accepted only under the term that
 * still holds the lease, so a leader that lost it (paused, cut off) can never move the stage again.
 */
public record Lease(String node, long term) {
}
