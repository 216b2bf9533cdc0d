package dev.uploadgateway.web;

import dev.uploadgateway.problem.entity.Refused;
import dev.uploadgateway.security.entity.Challenge;
import dev.uploadgateway.upload.entity.CredentialsRequired;
import dev.uploadgateway.upload.entity.GatewayBusy;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The caller's request was refused: 400, 404, 409, 413, 503 (with Retry-After) with the condition's own problem type. */
@Provider
public class RefusedMapper implements ExceptionMapper<Refused> {

    @Override
    public Response toResponse(Refused e) {
        Response problem = Problem.response(e.problem(), e.getMessage());
        if (e instanceof GatewayBusy busy) {
            problem = Response.fromResponse(problem).header("Retry-After", busy.retryAfterSeconds()).build();
        }
        if (e instanceof CredentialsRequired) {
            problem = Response.fromResponse(problem).header("WWW-Authenticate", Challenge.BEARER).build();
        }
        int status = e.problem().status();
        if (status == 408 || status == 413 || status == 503) {
            // the body may be unread: close the connection rather than let the server read the rest of it
            problem = Response.fromResponse(problem).header("Connection", "close").build();
        }
        return problem;
    }
}
