package dev.uploadgateway.problem.entity;

import jakarta.ejb.ApplicationException;

/**
 * The caller's request cannot be accepted as sent, or not now. Carries the {@link ProblemType} and
 * the detail for this case, so the web layer and the remote view can answer without knowing each
 * case: the type decides status and title.
 */
@ApplicationException
public class Refused extends RuntimeException {

    private final ProblemType problem;

    public Refused(ProblemType problem, String detail) {
        super(detail);
        this.problem = problem;
    }

    public ProblemType problem() {
        return problem;
    }
}
