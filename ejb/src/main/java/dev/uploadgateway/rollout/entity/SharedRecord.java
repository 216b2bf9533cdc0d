package dev.uploadgateway.rollout.entity;

/**
 * The rollout's row as the database holds it: the state document, the version every replacement
 * must name, and the rules (the salt's digest, the schedule) the cluster runs.
 */
public record SharedRecord(long version, String document, String saltDigest, String schedule) {
}
