package dev.uploadgateway.web.tus;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.Locale;
import java.util.Set;

/**
 * tus lets a client that cannot send PATCH or DELETE (Java's HttpURLConnection, which
 * tus-java-client uses, has no PATCH) send POST with {@code X-HTTP-Method-Override}. Only under
 * {@code /api/tus} and only to tus's methods: Jersey's own override filter would apply it to every
 * operation of the API.
 */
@PreMatching
public class TusMethodOverride implements ContainerRequestFilter {

    private static final Set<String> OVERRIDES = Set.of("PATCH", "DELETE", "HEAD");

    @Override
    public void filter(ContainerRequestContext request) {
        String override = request.getHeaderString("X-HTTP-Method-Override");
        if (override != null && "POST".equals(request.getMethod()) && request.getUriInfo().getPath().startsWith("tus/")
                && OVERRIDES.contains(override.strip().toUpperCase(Locale.ROOT))) {
            request.setMethod(override.strip().toUpperCase(Locale.ROOT));
        }
    }
}
