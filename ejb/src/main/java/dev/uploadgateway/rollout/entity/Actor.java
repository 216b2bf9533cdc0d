package dev.uploadgateway.rollout.entity;

/** Who moved the rollout. */
public enum Actor {
    /** The controller, on an evaluation. */
    CONTROLLER,
    /** A person, through the API. */
    OPERATOR,
    /** A value set through configuration at run time. */
    CONFIG,
    /** A webhook notification of a move, reporting its delivery. */
    WEBHOOK
}
