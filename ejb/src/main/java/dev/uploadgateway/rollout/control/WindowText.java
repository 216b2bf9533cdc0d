package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.PromotionWindow;
import dev.uploadgateway.rollout.entity.PromotionWindows;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code rollout.promotion-window}: windows separated by commas, each
 * {@code <day>[-<day>] <HH:mm>-<HH:mm> <time zone>}, as in {@code Mon-Fri 09:00-16:00 Europe/Berlin}.
 * Days are English three-letter abbreviations (a range may wrap, {@code Fri-Mon}); an end at or
 * before the start runs past midnight; {@code 24:00} ends at midnight; the zone is an IANA name or
 * {@code UTC}. Written by hand: no platform API parses a recurring weekly window.
 */
public final class WindowText {

    private static final Pattern WINDOW = Pattern.compile(
            "(?i)([a-z]{3})(?:-([a-z]{3}))?\\s+(\\d{2}:\\d{2})-(\\d{2}:\\d{2})\\s+(\\S+)");
    private static final String FORM = "each window as <day>[-<day>] <HH:mm>-<HH:mm> <time zone>,"
            + " e.g. Mon-Fri 09:00-16:00 Europe/Berlin; windows separated by commas; empty for always";

    private WindowText() {
    }

    /** @throws IllegalArgumentException saying which window is wrong and how to write it */
    public static PromotionWindows parse(String text) {
        if (text == null || text.isBlank()) {
            return PromotionWindows.always();
        }
        List<PromotionWindow> windows = new ArrayList<>();
        for (String part : text.split(",")) {
            windows.add(window(part.strip()));
        }
        return new PromotionWindows(windows);
    }

    private static PromotionWindow window(String part) {
        Matcher m = WINDOW.matcher(part);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + part + "' is not a window: write " + FORM);
        }
        DayOfWeek first = day(m.group(1), part);
        DayOfWeek last = m.group(2) == null ? first : day(m.group(2), part);
        Set<DayOfWeek> days = EnumSet.of(first);
        for (DayOfWeek d = first; d != last; d = d.plus(1)) {
            days.add(d.plus(1));
        }
        LocalTime opens = time(m.group(3), part, false);
        LocalTime closes = time(m.group(4), part, true);
        if (m.group(3).equals(m.group(4))) {
            throw new IllegalArgumentException("'" + part + "' opens and closes at " + m.group(3)
                    + ": a whole day is 00:00-24:00");
        }
        try {
            return new PromotionWindow(days, opens, closes, ZoneId.of(m.group(5)), part);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + part + "' names an unknown time zone '" + m.group(5)
                    + "': use an IANA name such as Europe/Berlin, or UTC");
        }
    }

    private static DayOfWeek day(String abbreviation, String part) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).equalsIgnoreCase(abbreviation)) {
                return d;
            }
        }
        throw new IllegalArgumentException("'" + part + "' names an unknown day '" + abbreviation
                + "': use Mon, Tue, Wed, Thu, Fri, Sat or Sun");
    }

    private static LocalTime time(String hhmm, String part, boolean end) {
        if (end && hhmm.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(hhmm);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + part + "' has no time " + hhmm + ": hours 00-23, minutes 00-59"
                    + (end ? ", or 24:00 as an end" : ""));
        }
    }
}
