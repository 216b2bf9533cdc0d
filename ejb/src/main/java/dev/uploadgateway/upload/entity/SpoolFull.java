package dev.uploadgateway.upload.entity;

import dev.uploadgateway.problem.entity.ProblemType;
import jakarta.ejb.ApplicationException;

/**
 * The spool's file system ran out of space while an async upload was written to it: the gateway's
 * condition, not the client's, so 507 (RFC 4918 Insufficient Storage) with Retry-After, never a
 * 400 a client would not retry. Its error class {@value #ERROR_CLASS} is one the rollout treats as critical.
 */
@ApplicationException
public class SpoolFull extends GatewayBusy {

    public static final String ERROR_CLASS = "spool-write-failed";

    private final String filename;

    public SpoolFull(String filename, long retryAfterSeconds, String detail) {
        super(ProblemType.SPOOL_FULL, retryAfterSeconds, detail);
        this.filename = filename;
    }

    /** The same condition, knowing which file it struck. */
    public SpoolFull of(String name) {
        return new SpoolFull(name, retryAfterSeconds(), getMessage());
    }

    public String filename() {
        return filename;
    }
}
