package dev.uploadgateway.rollout.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SentenceTest {

    @Test
    void writesRatesAsPercentagesWithTwoDecimals() {
        assertEquals("99.71 %", new Sentence("").percent(0.99712).toString());
        assertEquals("0.05 %", new Sentence("").percent(0.0005).toString());
        assertEquals("100.00 %", new Sentence("").percent(1).toString());
    }

    @Test
    void writesConfiguredLimitsWithoutTrailingZeros() {
        assertEquals("99.5 %", new Sentence("").limit(0.995).toString());
        assertEquals("95 %", new Sentence("").limit(0.95).toString());
        assertEquals("1.1", Sentence.trimmed(1.10));
        assertEquals("100", Sentence.trimmed(100));
    }

    @Test
    void writesDurationsInTheirTwoLargestUnits() {
        assertEquals("1 d", new Sentence("").duration(Duration.ofHours(24)).toString());
        assertEquals("2 d 9 h", new Sentence("").duration(Duration.ofHours(57).plusMinutes(3)).toString());
        assertEquals("12 h 5 min", new Sentence("").duration(Duration.ofMinutes(725)).toString());
        assertEquals("45 s", new Sentence("").duration(Duration.ofSeconds(45)).toString());
        assertEquals("0 s", new Sentence("").duration(Duration.ZERO).toString());
    }
}
