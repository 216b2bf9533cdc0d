package dev.uploadgateway.security.control;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The user name and password in an {@code Authorization: Basic} header (RFC 7617), or empty when
 * the header is not one or does not decode: bad base64, not UTF-8, no colon, an empty user name,
 * or longer than {@link #MAX_HEADER} characters.
 */
public final class BasicCredentials {

    static final int MAX_HEADER = 1024;
    private static final String SCHEME = "Basic ";

    private BasicCredentials() {
    }

    /** Whether the header claims the Basic scheme at all, however well-formed the rest. */
    public static boolean claimed(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    public static Optional<UsernamePasswordCredential> parse(String authorization) {
        if (!claimed(authorization) || authorization.length() > MAX_HEADER) {
            return Optional.empty();
        }
        String decoded;
        try {
            byte[] raw = Base64.getDecoder().decode(authorization.substring(SCHEME.length()).strip());
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
}
