package dev.uploadgateway.web;

import dev.uploadgateway.problem.entity.ProblemType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem body. The {@code type} is a stable URI per condition that clients can switch
 * on; {@code detail} tells the caller how to fix the request; {@code traceId}, an extension member,
 * names the request's trace when telemetry is on (null, so left out, otherwise).
 */
public record Problem(String type, String title, int status, String detail, String instance, String traceId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://upload-gateway.dev/problems/";

    /** The answer for {@code problem}: its status, type and title, with this case's detail. */
    public static Response response(ProblemType problem, String detail) {
        return Response.status(problem.status())
                .type(MEDIA_TYPE)
                .entity(new Problem(TYPE_BASE + problem.slug(), problem.title(), problem.status(), detail, null, null))
                .build();
    }

    /** This problem as the answer to a request traced in {@code id}. */
    public Problem tracedIn(String id) {
        return new Problem(type, title, status, detail, instance, id);
    }

    /** A client's text in a detail: quoted, and cut to {@code max} characters so no client can make answers large. */
    public static String quoted(String text, int max) {
        return "'" + (text.length() > max ? text.substring(0, max) + "…" : text) + "'";
    }
}
