package dev.uploadgateway.web.rollout;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.web.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a rollout move sent by a page of another origin, before credentials are even looked at: a
 * browser marks such a request with {@code Sec-Fetch-Site: cross-site} (or {@code same-site}) and an
 * {@code Origin} that is not this host, and a simple cross-origin POST needs no preflight. Clients
 * that are not browsers (curl, scripts) send neither header and pass; the dashboard is same-origin.
 */
@OperatorAction
@Priority(Priorities.AUTHENTICATION - 100)
public class SameOriginGuard implements ContainerRequestFilter {

    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    @Override
    public void filter(ContainerRequestContext request) {
        String site = request.getHeaderString("Sec-Fetch-Site");
        String origin = request.getHeaderString("Origin");
        String host = request.getHeaderString(HttpHeaders.HOST);
        if (site != null && !OWN_SITE.contains(site.strip().toLowerCase(Locale.ROOT))
                || origin != null && !sameHost(origin, host)) {
            request.abortWith(Problem.response(ProblemType.CROSS_ORIGIN_REQUEST,
                    "Rollout actions are taken only from the gateway's own pages or from clients that are not "
                            + "browsers; this request came from " + (origin == null ? "another site" : "origin "
                            + Problem.quoted(origin, 100)) + "."));
        }
    }

    /** Whether {@code origin} (scheme://host[:port]) names the host the request was sent to. */
    static boolean sameHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getHost() == null) {
                return false; // "null" and other opaque origins
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            URI target = URI.create("http://" + host.strip());
            int targetPort = target.getPort() != -1 ? target.getPort() : port;
            return uri.getHost().equalsIgnoreCase(target.getHost()) && port == targetPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
