package dev.uploadgateway.rollout.entity;

/** A stage together with the criteria it must meet to be left for the next one. */
public record StagePlan(Stage stage, Criteria criteria) {

    public int index() {
        return stage.index();
    }

    public double percent() {
        return stage.percent();
    }
}
