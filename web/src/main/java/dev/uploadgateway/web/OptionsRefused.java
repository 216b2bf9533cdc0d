package dev.uploadgateway.web;

import dev.uploadgateway.problem.entity.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * {@code OPTIONS} answers 405 everywhere in the API instead of Jersey's automatic 200: the gateway
 * grants no cross-origin access, so it has no preflight to pass, and an operator action should
 * answer nothing but its refusal to a caller without credentials. OpenAPI describes the methods.
 * tus's discovery ({@code OPTIONS /api/tus}) is the exception the protocol requires.
 */
@PreMatching
public class OptionsRefused implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if ("OPTIONS".equals(request.getMethod()) && !request.getUriInfo().getPath().startsWith("tus")) {
            request.abortWith(Problem.response(ProblemType.METHOD_NOT_ALLOWED,
                    "OPTIONS is not answered: the API grants no cross-origin access; /openapi describes every operation."));
        }
    }
}
