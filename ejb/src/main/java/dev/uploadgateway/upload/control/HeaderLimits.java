package dev.uploadgateway.upload.control;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;

/**
 * The lengths the upload record keeps of a caller's headers, checked before a byte of the body is
 * read, so an over-long value is the caller's 400 and not the database's 500.
 */
public final class HeaderLimits {

    /** As the record's {@code stickinessKey} column. */
    public static final int STICKINESS_KEY = 512;
    /** As the record's {@code idempotencyKey} column. */
    public static final int IDEMPOTENCY_KEY = 255;

    private HeaderLimits() {
    }

    public static void check(String stickinessHeader, String stickinessKey, String idempotencyKey) {
        if (stickinessKey != null && stickinessKey.strip().length() > STICKINESS_KEY) {
            throw tooLong(stickinessHeader, stickinessKey.strip().length(), STICKINESS_KEY);
        }
        if (idempotencyKey != null && idempotencyKey.length() > IDEMPOTENCY_KEY) {
            throw tooLong("Idempotency-Key", idempotencyKey.length(), IDEMPOTENCY_KEY);
        }
    }

    private static Refused tooLong(String header, int length, int limit) {
        return new Refused(ProblemType.HEADER_TOO_LONG, "The " + header + " header has "
                + length + " characters; the gateway keeps at most " + limit + ". Send a shorter value.");
    }
}
