package dev.uploadgateway.rollout.entity;

/** Where the rollout controller stands. */
public enum ControllerState {
    /** Collecting evidence at the current stage. */
    HOLDING,
    /** The stage met its criteria; waiting for an operator because auto-promotion is off. */
    READY_TO_PROMOTE,
    /** The stage is degraded; a human should decide. */
    REVIEW,
    /** A trigger sent the rollout back to 0 %; it stays there until an operator acts. */
    ROLLED_BACK,
    /** An operator stopped the controller; evaluations are recorded, nothing moves. */
    PAUSED,
    /** The last stage met its criteria. */
    COMPLETE
}
