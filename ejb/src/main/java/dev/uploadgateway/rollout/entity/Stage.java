package dev.uploadgateway.rollout.entity;

/** A step of the rollout: its place in the schedule and the share of keys that go async there. */
public record Stage(int index, double percent) {

    public Stage {
        if (index < 0) {
            throw new IllegalArgumentException("stage index must be 0 or more, was " + index);
        }
        if (Double.isNaN(percent) || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("stage percent must be within [0, 100], was " + percent);
        }
    }
}
