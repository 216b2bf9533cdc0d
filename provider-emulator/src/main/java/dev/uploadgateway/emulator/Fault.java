package dev.uploadgateway.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * What the emulator does to one upload instead of, or before, answering it normally.
 *
 * @param kind       the kind of misbehaviour
 * @param status     the HTTP status a {@link Kind#FAIL} answers with
 * @param retryAfter the {@code Retry-After} a {@link Kind#FAIL} carries; {@code null} for none
 * @param hang       how long a {@link Kind#HANG} waits before answering
 */
record Fault(Kind kind, int status, Duration retryAfter, Duration hang) {

    enum Kind { NONE, FAIL, HANG, RESET, GARBAGE }

    static final Fault NONE = new Fault(Kind.NONE, 200, null, Duration.ZERO);

    Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hang, "hang");
        if (hang.isNegative() || (retryAfter != null && retryAfter.isNegative())) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    static Fault fail(int status, Duration retryAfter) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("fail status must be 400..599, was " + status);
        }
        return new Fault(Kind.FAIL, status, retryAfter, Duration.ZERO);
    }

    static Fault hang(Duration hang) {
        return new Fault(Kind.HANG, 200, null, hang);
    }

    static Fault reset() {
        return new Fault(Kind.RESET, 200, null, Duration.ZERO);
    }

    static Fault garbage() {
        return new Fault(Kind.GARBAGE, 200, null, Duration.ZERO);
    }

    /** Whole seconds for the header, rounded up so a client never retries too early. */
    long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds();
        return retryAfter.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1;
    }
}
