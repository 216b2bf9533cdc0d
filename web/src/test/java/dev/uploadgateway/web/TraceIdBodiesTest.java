package dev.uploadgateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.uploadgateway.problem.entity.ProblemType;
import org.junit.jupiter.api.Test;

/** What {@link TraceIdFilter} does to a problem body: it gains {@code traceId}, an RFC 9457 extension member; nothing else changes. */
class TraceIdBodiesTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

    @Test
    void aProblemGainsTheTraceIdAndKeepsEverythingElse() {
        Problem problem = (Problem) Problem.response(ProblemType.INVALID_PARAMETER, "limit must be a number").getEntity();

        Problem traced = problem.tracedIn(TRACE);

        assertEquals(TRACE, traced.traceId());
        assertEquals(new Problem(problem.type(), problem.title(), problem.status(), problem.detail(), null, TRACE), traced);
        assertEquals(null, problem.traceId(), "untraced until the filter says so");
    }
}
