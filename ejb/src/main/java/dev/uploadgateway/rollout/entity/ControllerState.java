package dev.uploadgateway.rollout.entity;

/**
 * Where the rollout controller stands. The order is the value of the {@code rollout_controller_state}
 * gauge: new states are added at the end, so a dashboard's mapping of the older ones stays right.
 */
public enum ControllerState {
    /** Collecting evidence at the current stage. */
    HOLDING,
    /** The stage met its criteria; waiting for an operator because auto-promotion is off. */
    READY_TO_PROMOTE,
    /** The stage is degraded; a human should decide. */
    REVIEW,
    /** A trigger sent the rollout back to 0 %; it stays there until an operator acts. */
    ROLLED_BACK,
    /** An operator, or a stage inconclusive for too long, stopped the controller; evaluations are recorded, nothing moves. */
    PAUSED,
    /** The last stage met its criteria. */
    COMPLETE,
    /** The stage met its criteria and its gate is manual: waiting for an operator's approval. */
    AWAITING_APPROVAL,
    /** The stage met its criteria outside every promotion window: the controller promotes when the next opens. */
    WAITING_FOR_WINDOW
}
