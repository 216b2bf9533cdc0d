package dev.uploadgateway.web.upload;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.problem.entity.Refused;
import dev.uploadgateway.web.Problem;
import java.util.Locale;

/**
 * Upload bodies are taken as sent, byte for byte: the file's SHA-256 and size are of what arrived.
 * A body with a Content-Encoding would be stored encoded, so it is refused with a type of its own
 * (RFC 9110 §15.5.16: 415 for an unsupported content coding), not parsed as broken multipart.
 */
public final class ContentCoding {

    private ContentCoding() {
    }

    public static void requireIdentity(String contentEncoding) {
        if (contentEncoding != null && !contentEncoding.isBlank()
                && !"identity".equals(contentEncoding.strip().toLowerCase(Locale.ROOT))) {
            throw new Refused(ProblemType.CONTENT_ENCODING_UNSUPPORTED,
                    "The body came with Content-Encoding " + Problem.quoted(contentEncoding, 40)
                            + "; the gateway takes upload bodies unencoded. Send the multipart body without it.");
        }
    }
}
