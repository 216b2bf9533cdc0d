package dev.uploadgateway.upload.entity;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import jakarta.ejb.ApplicationException;

/** The gateway is at its configured capacity (or short of a resource); the caller should retry after a pause. */
@ApplicationException
public class GatewayBusy extends Refused {

    private final long retryAfterSeconds;

    public GatewayBusy(long retryAfterSeconds, String detail) {
        this(ProblemType.GATEWAY_BUSY, retryAfterSeconds, detail);
    }

    /** Another condition that passes with time, answered with its own problem type and a Retry-After. */
    protected GatewayBusy(ProblemType problem, long retryAfterSeconds, String detail) {
        super(problem, detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
