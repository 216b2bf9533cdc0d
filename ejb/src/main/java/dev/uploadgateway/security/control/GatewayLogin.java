package dev.uploadgateway.security.control;

import dev.uploadgateway.security.entity.Challenge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, on every request: HTTP Basic for the operator account (role rollout-admin), or
 * {@code Authorization: Bearer <API key>} for a tenant (role uploader, the tenant's name as the
 * principal). A request without credentials goes on anonymously: which operations need which role
 * is stated on each resource method, not here and not by URL pattern. A wrong API key also goes on
 * anonymously but marked {@link #KEY_REFUSED}, so each API answers it in its own error shape.
 * Wrong credentials of either kind count against the client's address in {@link LoginThrottle}.
 * Written instead of {@code @BasicAuthenticationMechanismDefinition} because that one answers
 * malformed credentials (bad base64, no colon) with an empty 500 and knows no API keys.
 */
@ApplicationScoped
public class GatewayLogin implements HttpAuthenticationMechanism {

    /** Request attribute set when a Bearer key was presented and is not one. */
    public static final String KEY_REFUSED = "dev.uploadgateway.key-refused";
    public static final String OPERATOR = OperatorIdentityStore.ROLE;
    public static final String UPLOADER = "uploader";
    private static final String BEARER = "Bearer ";

    @Inject
    IdentityStoreHandler identityStores;
    @Inject
    ApiKeys keys;
    @Inject
    LoginThrottle throttle;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        boolean basic = BasicCredentials.claimed(authorization);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
        if (!basic && !bearer) {
            return context.doNothing();
        }
        String client = request.getRemoteAddr();
        if (throttle.blocked(client)) {
            response.setHeader("Retry-After", String.valueOf(throttle.retryAfterSeconds(client)));
            try {
                response.sendError(429);
            } catch (IOException e) {
                // the client has gone; there is nobody left to answer
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (bearer) {
            Optional<String> tenant = keys.tenantOf(authorization.substring(BEARER.length()));
            if (tenant.isPresent()) {
                return context.notifyContainerAboutLogin(tenant.get(), Set.of(UPLOADER));
            }
            throttle.failed(client);
            request.setAttribute(KEY_REFUSED, Boolean.TRUE);
            return context.doNothing();
        }
        Optional<UsernamePasswordCredential> login = BasicCredentials.parse(authorization);
        if (login.isPresent()) {
            CredentialValidationResult result = identityStores.validate(login.get());
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        throttle.failed(client);
        response.setHeader("WWW-Authenticate", Challenge.BASIC);
        return context.responseUnauthorized();
    }
}
