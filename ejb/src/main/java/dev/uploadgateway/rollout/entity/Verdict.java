package dev.uploadgateway.rollout.entity;

/** What an evaluation concludes about the current stage; earlier constants take precedence. */
public enum Verdict {
    /** A trigger is crossed: go back to 0 %. */
    ROLLBACK,
    /** Degraded but not failing: a human should look. */
    REVIEW,
    /** Every criterion of the stage is met. */
    PROMOTE,
    /** Not enough evidence either way yet. */
    HOLD
}
