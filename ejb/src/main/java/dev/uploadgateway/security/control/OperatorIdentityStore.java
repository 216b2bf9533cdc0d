package dev.uploadgateway.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * The rollout operator's account, from MicroProfile Config ({@code rollout.admin.username} and
 * {@code rollout.admin.password}, the latter best given as a Payara password alias or an
 * environment variable). With no password configured nobody can log in, so the admin actions are
 * closed by default. Passwords are compared in constant time and never logged. {@link GatewayLogin}
 * is the mechanism that hands it the credentials.
 */
@ApplicationScoped
public class OperatorIdentityStore implements IdentityStore {

    public static final String ROLE = "rollout-admin";

    @Inject
    Config config;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String username = config.getValue("rollout.admin.username", String.class);
        Optional<String> password = config.getOptionalValue("rollout.admin.password", String.class)
                .filter(p -> !p.isBlank());
        if (password.isEmpty() || !username.equals(login.getCaller())
                || !MessageDigest.isEqual(bytes(password.get()), bytes(login.getPasswordAsString()))) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(username, Set.of(ROLE));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
