package dev.uploadgateway.security.control;

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

/**
 * HTTP Basic for the operator account, checked on every request that carries it. A request without
 * Basic credentials goes on anonymously: which operations need a role is stated on each resource
 * method ({@code @RolesAllowed}), not here and not by URL pattern. Written instead of
 * {@code @BasicAuthenticationMechanismDefinition} because that one answers malformed credentials
 * (bad base64, no colon) with an empty 500; here they are a 401 like wrong ones.
 */
@ApplicationScoped
public class BasicLogin implements HttpAuthenticationMechanism {

    public static final String CHALLENGE = "Basic realm=\"upload-gateway\", charset=\"UTF-8\"";

    @Inject
    IdentityStoreHandler identityStores;
    @Inject
    LoginThrottle throttle;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (!BasicCredentials.claimed(authorization)) {
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
        Optional<UsernamePasswordCredential> login = BasicCredentials.parse(authorization);
        if (login.isPresent()) {
            CredentialValidationResult result = identityStores.validate(login.get());
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        throttle.failed(client);
        response.setHeader("WWW-Authenticate", CHALLENGE);
        return context.responseUnauthorized();
    }
}
