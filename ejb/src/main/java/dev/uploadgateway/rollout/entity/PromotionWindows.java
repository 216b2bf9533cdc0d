package dev.uploadgateway.rollout.entity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every window of {@code rollout.promotion-window}; none configured means the controller may promote at any time. */
public record PromotionWindows(List<PromotionWindow> windows) {

    public PromotionWindows {
        windows = List.copyOf(windows);
    }

    public static PromotionWindows always() {
        return new PromotionWindows(List.of());
    }

    public boolean open(Instant now) {
        return windows.isEmpty() || windows.stream().anyMatch(w -> w.contains(now));
    }

    /** When the next window opens, empty when one is open now or none is configured. */
    public Optional<Instant> nextOpening(Instant now) {
        if (open(now)) {
            return Optional.empty();
        }
        return windows.stream().map(w -> w.nextOpening(now)).flatMap(Optional::stream).min(Instant::compareTo);
    }

    /** The configured text, for the API and the audit. */
    public String text() {
        return String.join(", ", windows.stream().map(PromotionWindow::text).toList());
    }
}
