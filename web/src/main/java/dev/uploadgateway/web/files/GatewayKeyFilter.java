package dev.uploadgateway.web.files;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Every files API call needs {@code Authorization: Bearer <API key>} (a tenant's key, checked by the
 * gateway's login mechanism) or the operator's credentials; otherwise 401, OpenAI-style.
 */
@Priority(Priorities.AUTHENTICATION)
public class GatewayKeyFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        // an authenticated caller is a tenant's key holder or the operator: the login knows no one else
        if (security.getUserPrincipal() == null) {
            request.abortWith(OpenAiError.response(401, "invalid_request_error", "invalid_api_key",
                    "Missing or invalid API key: send Authorization: Bearer <gateway key>."));
        }
    }
}
