package dev.uploadgateway.web.files;

import dev.uploadgateway.security.control.GatewayKeys;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** Every files API call needs {@code Authorization: Bearer <gateway key>}; otherwise 401, OpenAI-style. */
@Priority(Priorities.AUTHENTICATION)
public class GatewayKeyFilter implements ContainerRequestFilter {

    @Inject
    GatewayKeys keys;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
        if (!keys.accepts(presented)) {
            request.abortWith(OpenAiError.response(401, "invalid_request_error", "invalid_api_key",
                    "Missing or invalid API key: send Authorization: Bearer <gateway key>."));
        }
    }
}
