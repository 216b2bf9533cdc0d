package dev.uploadgateway.rollout.entity;

import java.time.Duration;
import java.time.Instant;

/**
 * A stage together with the criteria it must meet to be left for the next one, who lets it go when
 * they are met ({@link Gate}), and how long its evidence may stay inconclusive before the rollout
 * pauses ({@link Duration#ZERO}: as long as it takes).
 */
public record StagePlan(Stage stage, Criteria criteria, Gate gate, Duration maxDuration) {

    /** A stage promoted by the controller and given as long as its evidence takes. */
    public StagePlan(Stage stage, Criteria criteria) {
        this(stage, criteria, Gate.AUTO, Duration.ZERO);
    }

    public int index() {
        return stage.index();
    }

    public double percent() {
        return stage.percent();
    }

    /** Whether evidence gathered since {@code since} has been inconclusive for longer than the stage allows. */
    public boolean overdue(Instant since, Instant now) {
        return !maxDuration.isZero() && !Duration.between(since, now).minus(maxDuration).isNegative();
    }
}
