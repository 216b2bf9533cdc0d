package dev.uploadgateway.rollout.entity;

import java.util.List;
import java.util.Optional;

/**
 * The stages in order. Stage 0 is the baseline at 0 %; percents rise strictly to 100 % at the
 * last stage, whose criteria, once met, complete the rollout.
 */
public record Schedule(List<StagePlan> plans) {

    public Schedule {
        plans = List.copyOf(plans);
        if (plans.size() < 2) {
            throw new IllegalArgumentException("a schedule needs the baseline stage and at least one more");
        }
        for (int i = 0; i < plans.size(); i++) {
            Stage stage = plans.get(i).stage();
            if (stage.index() != i) {
                throw new IllegalArgumentException("stage at position " + i + " has index " + stage.index());
            }
            if (i == 0 ? stage.percent() != 0 : stage.percent() <= plans.get(i - 1).percent()) {
                throw new IllegalArgumentException("stage " + i + " at " + stage.percent()
                        + " %: the baseline is at 0 % and each later stage must be above the one before");
            }
        }
        if (plans.get(plans.size() - 1).percent() != 100) {
            throw new IllegalArgumentException("the last stage must be at 100 %");
        }
    }

    public StagePlan plan(int index) {
        if (index < 0 || index >= plans.size()) {
            throw new IllegalArgumentException("no stage " + index + "; stages are 0 to " + (plans.size() - 1));
        }
        return plans.get(index);
    }

    public Optional<StagePlan> next(int index) {
        return index + 1 < plans.size() ? Optional.of(plans.get(index + 1)) : Optional.empty();
    }

    public StagePlan last() {
        return plans.get(plans.size() - 1);
    }

    /** The highest stage whose percent is at or below {@code percent}: where an arbitrary share belongs. */
    public int indexOfPercent(double percent) {
        if (Double.isNaN(percent) || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be within [0, 100], was " + percent);
        }
        int index = 0;
        while (index + 1 < plans.size() && plans.get(index + 1).percent() <= percent) {
            index++;
        }
        return index;
    }
}
