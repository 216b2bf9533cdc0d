package dev.uploadgateway.rollout.control;

import java.time.Duration;

/**
 * A reason being written, numbers appended in place. Hand-rolled rather than {@code String.format}:
 * the controller words every evaluation and the replay test millions of them, and the wording must
 * not depend on the server's locale.
 */
public final class Sentence {

    private static final String[] UNITS = {" d", " h", " min", " s"};
    private final StringBuilder text = new StringBuilder(96);

    Sentence(String start) {
        text.append(start);
    }

    Sentence text(String more) {
        text.append(more);
        return this;
    }

    Sentence number(long value) {
        text.append(value);
        return this;
    }

    /** A fraction as a percentage with two decimals: 0.99712 → "99.71 %". */
    Sentence percent(double fraction) {
        fixed2(fraction * 100);
        text.append(" %");
        return this;
    }

    /** A configured limit as a percentage without trailing zeros: 0.995 → "99.5 %". */
    Sentence limit(double fraction) {
        text.append(trimmed(fraction * 100)).append(" %");
        return this;
    }

    /** A measured ratio with two decimals: "1.05". */
    Sentence fixed2(double value) {
        long hundredths = Math.round(Math.abs(value) * 100);
        long fraction = hundredths % 100;
        text.append(value < 0 && hundredths > 0 ? "-" : "").append(hundredths / 100)
                .append(fraction < 10 ? ".0" : ".").append(fraction);
        return this;
    }

    /** A duration in its two largest units, zeros left out: "1 d 2 h", "12 h 5 min", "45 s". */
    Sentence duration(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        long[] amounts = {seconds / 86_400, seconds / 3_600 % 24, seconds / 60 % 60, seconds % 60};
        int first = 0;
        while (first < 3 && amounts[first] == 0) {
            first++;
        }
        text.append(amounts[first]).append(UNITS[first]);
        if (first < 3 && amounts[first + 1] > 0) {
            text.append(' ').append(amounts[first + 1]).append(UNITS[first + 1]);
        }
        return this;
    }

    Sentence mebibytes(long bytes) {
        text.append(bytes >> 20).append(" MiB");
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** A number without trailing zeros, at most two decimals: 1.10 → "1.1", 100.0 → "100". */
    public static String trimmed(double value) {
        String fixed = new Sentence("").fixed2(value).toString();
        int end = fixed.length();
        while (fixed.charAt(end - 1) == '0') {
            end--;
        }
        return fixed.substring(0, fixed.charAt(end - 1) == '.' ? end - 1 : end);
    }
}
