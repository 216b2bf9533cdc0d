package dev.uploadgateway.resumable.control;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * tus's {@code Upload-Metadata}: comma-separated pairs of a key (no spaces, no commas, unique) and
 * an optional Base64 value, which the gateway reads as UTF-8. Written here because the one tus
 * server library on Maven Central does not fit the gateway (see README, "Resumable uploads").
 */
public final class TusMetadata {

    /** Longest Upload-Metadata taken, as it is echoed by HEAD and kept with the upload. */
    public static final int MAX_LENGTH = 4096;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x2B\\x2D-\\x7E]+"); // printable ASCII but the comma

    private TusMetadata() {
    }

    /** The pairs of {@code header}, in order; empty for none. Refused (400) when it is not tus's form. */
    public static Map<String, String> parse(String header) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return pairs;
        }
        if (header.length() > MAX_LENGTH) {
            throw invalid("is longer than " + MAX_LENGTH + " characters");
        }
        for (String pair : header.split(",", -1)) {
            String[] kv = pair.strip().split(" ", -1);
            if (kv.length > 2 || !KEY.matcher(kv[0]).matches()) {
                throw invalid("has '" + pair.strip() + "', not a key and an optional Base64 value");
            }
            if (pairs.put(kv[0], kv.length == 2 ? decode(kv[0], kv[1]) : "") != null) {
                throw invalid("names '" + kv[0] + "' twice");
            }
        }
        return pairs;
    }

    private static String decode(String key, String value) {
        try {
            byte[] bytes = Base64.getDecoder().decode(value);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalid("has a value for '" + key + "' that is not Base64 of UTF-8 text");
        }
    }

    private static Refused invalid(String why) {
        return new Refused(ProblemType.INVALID_PARAMETER, "Upload-Metadata " + why
                + "; send key value pairs separated by commas, each value Base64 (e.g. 'filename cmVwb3J0LnBkZg==').");
    }
}
