package dev.uploadgateway.resumable.control;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * tus's {@code Upload-Checksum: <algorithm> <Base64 digest>} of one PATCH's bytes: sha1, which the
 * checksum extension makes mandatory, and sha256. The digest is taken while the bytes are written.
 */
public record TusChecksum(String algorithm, byte[] expected, MessageDigest digest) {

    /** The algorithms taken, tus's names to the JDK's, as {@code Tus-Checksum-Algorithm} lists them. */
    public static final Map<String, String> ALGORITHMS = Map.of("sha1", "SHA-1", "sha256", "SHA-256");

    /** The checksum {@code header} asks for; null when there is none. Refused (400) when it is not one the gateway takes. */
    public static TusChecksum of(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String[] parts = header.strip().split(" ");
        String jdk = parts.length == 2 ? ALGORITHMS.get(parts[0].toLowerCase(Locale.ROOT)) : null;
        if (jdk == null) {
            throw new Refused(ProblemType.INVALID_PARAMETER, "Upload-Checksum must be '<algorithm> <Base64 digest>' with"
                    + " an algorithm of " + String.join(", ", new java.util.TreeSet<>(ALGORITHMS.keySet())) + ".");
        }
        try {
            return new TusChecksum(parts[0].toLowerCase(Locale.ROOT), Base64.getDecoder().decode(parts[1]),
                    MessageDigest.getInstance(jdk));
        } catch (IllegalArgumentException e) {
            throw new Refused(ProblemType.INVALID_PARAMETER, "Upload-Checksum's digest is not Base64.");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + jdk, e);
        }
    }

    /** Whether the bytes fed to {@link #digest()} are the ones the client sent. */
    public boolean matches() {
        return MessageDigest.isEqual(expected, digest.digest());
    }
}
