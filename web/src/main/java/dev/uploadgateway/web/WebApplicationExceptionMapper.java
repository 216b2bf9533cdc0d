package dev.uploadgateway.web;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.security.entity.Challenge;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ParamException;

/**
 * JAX-RS's own refusals (unknown path, wrong method, unsupported media type, a role missing) as
 * problem bodies, so every 4xx the gateway sends has the same shape. Jersey's {@code @RolesAllowed}
 * refuses an anonymous caller with 403 and Payara's MicroProfile JWT filter, which also enforces it,
 * with a 401 about JWT; both are this 401 with the Basic challenge, so clients know what to send.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(WebApplicationException e) {
        int code = e.getResponse().getStatus();
        if (code == 401 || e instanceof ForbiddenException && security.getUserPrincipal() == null) {
            return Response.fromResponse(Problem.response(ProblemType.UNAUTHORIZED,
                    "This operation needs the rollout-admin role: send HTTP Basic credentials of the operator "
                            + "account (rollout.admin.username / rollout.admin.password)."))
                    .header(HttpHeaders.WWW_AUTHENTICATE, Challenge.BASIC).build();
        }
        if (e instanceof ParamException param) {
            // JAX-RS answers an unparseable query or path parameter with 404, as if the resource did not exist
            return Problem.response(ProblemType.INVALID_PARAMETER, "The " + param.getParameterType()
                    .getSimpleName().replace("Param", "").toLowerCase(java.util.Locale.ROOT) + " parameter '"
                    + param.getParameterName() + "' has a value of the wrong type: send a number where the API "
                    + "documents one (see /openapi).");
        }
        if (e instanceof ForbiddenException) {
            return Problem.response(ProblemType.FORBIDDEN,
                    "The authenticated caller lacks the role this operation needs.");
        }
        return Problem.response(ProblemType.ofFramework(code), e.getMessage());
    }
}
