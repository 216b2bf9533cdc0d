package dev.uploadgateway.rollout.entity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * Hours in which the controller may promote on its own, e.g. Monday to Friday 09:00 to 16:00 in
 * Europe/Berlin. A window whose end is at or before its start runs past midnight into the next day
 * and belongs to the day it opens on; {@link LocalTime#MIDNIGHT} as the end means the end of the day.
 */
public record PromotionWindow(Set<DayOfWeek> days, LocalTime opens, LocalTime closes, ZoneId zone, String text) {

    public PromotionWindow {
        days = Set.copyOf(days);
    }

    private boolean overnight() {
        return !closes.isAfter(opens);
    }

    public boolean contains(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        DayOfWeek day = local.getDayOfWeek();
        if (!overnight()) {
            return days.contains(day) && !t.isBefore(opens) && t.isBefore(closes);
        }
        return days.contains(day) && !t.isBefore(opens)
                || days.contains(day.minus(1)) && t.isBefore(closes) && !closes.equals(LocalTime.MIDNIGHT);
    }

    /** The first opening after {@code now}; one exists within a week, as a window has at least one day. */
    public Optional<Instant> nextOpening(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        for (int d = 0; d <= 7; d++) {
            LocalDate date = today.plusDays(d);
            if (days.contains(date.getDayOfWeek())) {
                Instant opening = date.atTime(opens).atZone(zone).toInstant();
                if (opening.isAfter(now)) {
                    return Optional.of(opening);
                }
            }
        }
        return Optional.empty();
    }
}
