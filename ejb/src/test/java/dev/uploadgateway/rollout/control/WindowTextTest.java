package dev.uploadgateway.rollout.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.rollout.entity.PromotionWindows;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WindowTextTest {

    private static final PromotionWindows OFFICE = WindowText.parse("Mon-Fri 09:00-16:00 Europe/Berlin");

    @ParameterizedTest
    @CsvSource({
        "2026-12-07T07:59:59Z, false", // Monday 08:59:59 in Berlin
        "2026-12-07T08:00:00Z, true",
        "2026-12-07T14:59:59Z, true",
        "2026-12-07T15:00:00Z, false", // 16:00: the end is not inside
        "2026-12-12T10:00:00Z, false", // Saturday
        "2026-07-06T07:30:00Z, true", // a Monday in summer time: 09:30 in Berlin
    })
    void isOpenOnWorkingDaysInItsZone(String at, boolean open) {
        assertEquals(open, OFFICE.open(Instant.parse(at)));
    }

    @Test
    void saysWhenTheNextWindowOpens() {
        assertEquals(Optional.of(Instant.parse("2026-12-07T08:00:00Z")),
                OFFICE.nextOpening(Instant.parse("2026-12-07T07:00:00Z")));
        assertEquals(Optional.of(Instant.parse("2026-12-14T08:00:00Z")),
                OFFICE.nextOpening(Instant.parse("2026-12-11T16:00:00Z")), "Friday evening: Monday");
        assertEquals(Optional.empty(), OFFICE.nextOpening(Instant.parse("2026-12-07T09:00:00Z")), "open now");
        assertEquals(Optional.empty(), WindowText.parse("").nextOpening(Instant.EPOCH), "always open");
    }

    @Test
    void aWindowPastMidnightBelongsToTheDayItOpensAndRangesWrap() {
        PromotionWindows nights = WindowText.parse("Fri-Mon 22:00-02:00 UTC");
        assertTrue(nights.open(Instant.parse("2026-12-11T23:00:00Z")), "Friday night");
        assertTrue(nights.open(Instant.parse("2026-12-15T01:00:00Z")), "Monday's night, early Tuesday");
        assertFalse(nights.open(Instant.parse("2026-12-16T01:00:00Z")), "Tuesday's night is not in Fri-Mon");
        assertFalse(nights.open(Instant.parse("2026-12-11T21:59:00Z")));
    }

    @Test
    void takesSeveralWindowsAnd24AsTheEndOfTheDay() {
        PromotionWindows w = WindowText.parse("Mon-Fri 09:00-16:00 Europe/Berlin, sat 00:00-24:00 UTC");
        assertTrue(w.open(Instant.parse("2026-12-12T23:59:00Z")));
        assertFalse(w.open(Instant.parse("2026-12-13T00:00:00Z")));
        assertEquals("Mon-Fri 09:00-16:00 Europe/Berlin, sat 00:00-24:00 UTC", w.text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "weekdays 09:00-16:00 UTC | is not a window",
        "Mon-Fry 09:00-16:00 UTC | unknown day 'Fry'",
        "Mon 25:00-26:00 UTC | has no time 25:00",
        "Mon 09:00-09:00 UTC | opens and closes at 09:00",
        "Mon 09:00-16:00 Mars/Olympus | unknown time zone 'Mars/Olympus'",
        "Mon 9:00-16:00 UTC | is not a window",
    })
    void refusesWhatItCannotRead(String text, String says) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WindowText.parse(text));
        assertTrue(e.getMessage().contains(says), e.getMessage());
    }
}
