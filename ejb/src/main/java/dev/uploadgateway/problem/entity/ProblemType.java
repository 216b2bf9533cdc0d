package dev.uploadgateway.problem.entity;

/**
 * Every problem the gateway answers with, a closed set: the stable type slug clients switch on
 * ({@code https://upload-gateway.dev/problems/<slug>}), the HTTP status and the title. Code that
 * refuses names one of these; the web layer and the remote view read status and title from here,
 * and README's problem table is checked against this list.
 */
public enum ProblemType {

    MISSING_FILE(400, "Missing file part"),
    EMPTY_FILE(400, "Empty file"),
    MULTIPLE_FILES(400, "More than one file"),
    MALFORMED_MULTIPART(400, "Malformed multipart body"),
    UNREADABLE_CONTENT(400, "Unreadable content"),
    FIELD_TOO_LONG(400, "Form field too long"),
    INVALID_FILENAME(400, "Invalid filename"),
    UNKNOWN_PROVIDER(400, "Unknown provider"),
    PROVIDER_NOT_CONFIGURED(400, "Provider not configured"),
    PURPOSE_NOT_ALLOWED(400, "Purpose not allowed"),
    HEADER_TOO_LONG(400, "Header value too long"),
    INVALID_PAGE(400, "Invalid page"),
    INVALID_HISTORY(400, "Invalid history window"),
    INVALID_PARAMETER(400, "Invalid parameter"),
    BAD_REQUEST(400, "Bad request"),
    PARTS_MISMATCH(400, "Parts do not make the upload"),
    CHECKSUM_MISMATCH(400, "Checksum does not match"),
    UNAUTHORIZED(401, "Credentials required"),
    API_KEY_REQUIRED(401, "API key required"),
    FORBIDDEN(403, "Not allowed"),
    CROSS_ORIGIN_REQUEST(403, "Cross-origin request refused"),
    UPLOAD_NOT_FOUND(404, "Upload not found"),
    NOT_FOUND(404, "Not Found"),
    METHOD_NOT_ALLOWED(405, "Method Not Allowed"),
    NOT_ACCEPTABLE(406, "Not Acceptable"),
    REQUEST_BODY_TOO_SLOW(408, "Request body too slow"),
    IDEMPOTENCY_KEY_REUSED(409, "Idempotency-Key reused"),
    UPLOAD_NOT_PENDING(409, "Upload no longer pending"),
    OFFSET_MISMATCH(409, "Upload-Offset mismatch"),
    UPLOAD_EXPIRED(410, "Upload expired"),
    TUS_VERSION_UNSUPPORTED(412, "Tus version not supported"),
    ROLLOUT_CONFLICT(409, "Rollout action not possible now"),
    UPLOAD_TOO_LARGE(413, "Upload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type"),
    CONTENT_ENCODING_UNSUPPORTED(415, "Content-Encoding not supported"),
    TOO_MANY_FAILED_LOGINS(429, "Too many failed logins"),
    /** tus's checksum extension: the PATCH's bytes are not what its Upload-Checksum says. */
    TUS_CHECKSUM_MISMATCH(460, "Checksum Mismatch"),
    INTERNAL_ERROR(500, "Internal error"),
    PROVIDER_REJECTED(502, "Provider rejected the upload"),
    PROVIDER_UNAVAILABLE(502, "Provider unavailable"),
    GATEWAY_BUSY(503, "Gateway busy"),
    SYNC_PATH_OUT_OF_MEMORY(503, "Not enough memory for the sync path"),
    PROVIDER_TIMEOUT(504, "Provider timed out"),
    SPOOL_FULL(507, "Spool full");

    private final int status;
    private final String title;
    private final String slug;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
        this.slug = name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The stable, lower-case slug, e.g. {@code upload-too-large}. */
    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem JAX-RS itself raised with {@code status} (no route, wrong method, …), when it is one of these. */
    public static ProblemType ofFramework(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> UPLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status < 500 ? BAD_REQUEST : INTERNAL_ERROR;
        };
    }
}
