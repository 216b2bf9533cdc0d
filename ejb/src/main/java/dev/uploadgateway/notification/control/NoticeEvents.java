package dev.uploadgateway.notification.control;

import dev.uploadgateway.rollout.entity.Transition;
import dev.uploadgateway.rollout.entity.Verdict;
import java.util.List;
import java.util.Optional;

/** The events a receiver may ask for, and which event a move of the rollout is. */
public final class NoticeEvents {

    public static final List<String> ALL = List.of("promote", "rollback", "pause", "resume", "review", "gate",
            "config", "inconclusive");

    private NoticeEvents() {
    }

    /** The event {@code t} is; empty for records nobody is notified of (other verdicts, deliveries). */
    public static Optional<String> of(Transition t) {
        return Optional.ofNullable(switch (t.action()) {
            case "promote", "approve", "complete" -> "promote";
            case "rollback", "pause", "resume", "gate", "inconclusive" -> t.action();
            case "adopt-config", "rules" -> "config";
            case "verdict" -> t.verdict() == Verdict.REVIEW ? "review" : null;
            default -> null;
        });
    }
}
