package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.Criteria;
import dev.uploadgateway.rollout.entity.Gate;
import dev.uploadgateway.rollout.entity.PromotionWindows;
import dev.uploadgateway.rollout.entity.RolloutRules;
import dev.uploadgateway.rollout.entity.Schedule;
import dev.uploadgateway.rollout.entity.Stage;
import dev.uploadgateway.rollout.entity.StagePlan;
import dev.uploadgateway.rollout.entity.Triggers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the rollout's rules from configuration keys. There are no defaults in code: every key and
 * its default live in {@code META-INF/microprofile-config.properties}, so the documented value is
 * the value in force. Rates are fractions from 0 to 1.
 */
public final class ScheduleConfig {

    /** The stages after the baseline, each with a {@code rollout.stage.<n>.*} block of keys. */
    public static final int STAGES = 4;

    private ScheduleConfig() {
    }

    /** @throws IllegalArgumentException naming every missing or invalid key, each problem starting with its key */
    public static RolloutRules read(Function<String, Optional<String>> lookup) {
        RequiredValues values = new RequiredValues(lookup);
        List<StagePlan> plans = plans(values);
        Triggers triggers = triggers(values);
        boolean autoPromote = values.bool("rollout.auto-promote");
        var interval = values.seconds("rollout.evaluation-interval-seconds", 1, 86_400);
        PromotionWindows windows = windows(lookup, values);
        if (!values.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", values.problems()));
        }
        return new RolloutRules(new Schedule(plans), triggers, autoPromote, interval, windows);
    }

    private static List<StagePlan> plans(RequiredValues values) {
        List<StagePlan> plans = new ArrayList<>();
        plans.add(new StagePlan(new Stage(0, 0), Criteria.baseline(
                values.whole("rollout.stage.0.min-uploads", 0, Long.MAX_VALUE),
                values.seconds("rollout.stage.0.min-duration-seconds", 0, Long.MAX_VALUE)),
                gate(values, "rollout.stage.0.gate"), values.seconds("rollout.stage.0.max-duration-seconds", 0,
                        Long.MAX_VALUE)));
        double previous = 0;
        for (int n = 1; n <= STAGES; n++) {
            String prefix = "rollout.stage." + n + ".";
            double percent = values.number(prefix + "percent", 0, 100, "a percentage above 0, at most 100");
            values.require(percent > previous && (n < STAGES || percent == 100), prefix + "percent",
                    n == STAGES ? "100 (the last stage)" : "above the previous stage's " + Sentence.trimmed(previous) + " %",
                    Sentence.trimmed(percent));
            previous = Math.max(previous, percent);
            Criteria criteria = new Criteria(values.fraction(prefix + "min-success-rate"),
                    values.fraction(prefix + "max-error-rate"),
                    values.number(prefix + "max-latency-ratio", 0.01, 100, "a ratio from 0.01 to 100"),
                    values.whole(prefix + "min-uploads", 0, Long.MAX_VALUE),
                    values.seconds(prefix + "min-duration-seconds", 0, Long.MAX_VALUE));
            Gate gate = gate(values, prefix + "gate");
            Duration maxDuration = values.seconds(prefix + "max-duration-seconds", 0, Long.MAX_VALUE);
            if (values.problems().isEmpty()) {
                plans.add(new StagePlan(new Stage(n, percent), criteria, gate, maxDuration));
            }
        }
        return plans;
    }

    private static Gate gate(RequiredValues values, String key) {
        String raw = values.text(key);
        if (raw.equalsIgnoreCase("auto") || raw.equalsIgnoreCase("manual")) {
            return Gate.valueOf(raw.toUpperCase(Locale.ROOT));
        }
        values.require(values.bad(key), key, "auto or manual", raw);
        return Gate.AUTO;
    }

    private static PromotionWindows windows(Function<String, Optional<String>> lookup, RequiredValues values) {
        String key = "rollout.promotion-window";
        try {
            return WindowText.parse(lookup.apply(key).orElse(""));
        } catch (IllegalArgumentException e) {
            values.invalid(key, e.getMessage());
            return PromotionWindows.always();
        }
    }

    private static Triggers triggers(RequiredValues values) {
        double successBelow = values.fraction("rollout.trigger.success-below");
        double reviewBelow = values.fraction("rollout.review.success-below");
        values.require(values.bad("rollout.trigger.success-below") || reviewBelow > successBelow,
                "rollout.review.success-below", "above rollout.trigger.success-below (" + successBelow + ")", reviewBelow);
        return new Triggers(successBelow, values.fraction("rollout.trigger.error-above"),
                values.number("rollout.trigger.heap-spike-above", 0.001, 100, "a fraction above 0 (0.2 = 20 %)"),
                values.whole("rollout.trigger.heap-spike-min-bytes", 0, Long.MAX_VALUE),
                values.list("rollout.trigger.critical-error-classes"), reviewBelow,
                values.seconds("rollout.review.sustain-seconds", 0, Long.MAX_VALUE),
                values.number("rollout.review.latency-above", 0.01, 100, "a ratio from 0.01 to 100"),
                (int) values.whole("rollout.recent-window", 1, 100_000),
                values.number("rollout.confidence-z", 0.01, 10, "a z value from 0.01 to 10"),
                values.number("rollout.trigger.confidence-z", 0.01, 10, "a z value from 0.01 to 10"));
    }
}
