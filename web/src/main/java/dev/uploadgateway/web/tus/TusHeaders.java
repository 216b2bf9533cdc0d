package dev.uploadgateway.web.tus;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.web.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * tus's rules for every request but {@code OPTIONS}: {@code Tus-Resumable: 1.0.0} or 412 naming the
 * versions the gateway speaks; every answer says {@code Tus-Resumable}, and a refusal of a request
 * whose body was not read closes the connection rather than read it.
 */
@Provider
@TusProtocol
public class TusHeaders implements ContainerRequestFilter, ContainerResponseFilter {

    static final String VERSION = "1.0.0";

    @Override
    public void filter(ContainerRequestContext request) {
        if ("OPTIONS".equals(request.getMethod())) {
            return;
        }
        String version = request.getHeaderString("Tus-Resumable");
        if (!VERSION.equals(version)) {
            request.abortWith(Response.fromResponse(Problem.response(ProblemType.TUS_VERSION_UNSUPPORTED,
                    (version == null ? "The request has no Tus-Resumable header" : "Tus-Resumable is "
                            + Problem.quoted(version, 16)) + "; this server speaks tus " + VERSION + ".")
                    ).header("Tus-Version", VERSION).build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Tus-Resumable", VERSION);
        boolean body = "PATCH".equals(request.getMethod()) || "POST".equals(request.getMethod());
        if (body && response.getStatus() >= 400) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }
}
