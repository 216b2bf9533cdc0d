package dev.uploadgateway.rollout.entity;

/** Who lets a stage whose criteria are met move on to the next one. */
public enum Gate {
    /** The controller promotes on its own (when {@code rollout.auto-promote} is on and a window is open). */
    AUTO,
    /** An operator approves; until then the controller waits in {@link ControllerState#AWAITING_APPROVAL}. */
    MANUAL
}
