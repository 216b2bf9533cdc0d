package dev.uploadgateway.rollout.boundary;

/**
 * The rollout for JMX consoles (JConsole, VisualVM) and monitoring agents, under
 * {@code dev.uploadgateway:type=Rollout}. Actions are taken as the operator and audited as such.
 */
public interface RolloutMXBean {

    int getStage();

    double getPercent();

    boolean isPaused();

    boolean isAsyncEnabled();

    /** HOLDING, READY_TO_PROMOTE, REVIEW, ROLLED_BACK, PAUSED or COMPLETE. */
    String getState();

    /** The last verdict and its reasons, one line. */
    String getLastVerdict();

    /** Returns what happened, or why it could not. */
    String promote();

    /** Lets the stage waiting at its manual gate move on. */
    String approve();

    String rollback();

    String pause();

    String resume();
}
