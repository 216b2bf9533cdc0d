package dev.uploadgateway.emulator;

/** The upload request is not one the provider would accept: not multipart, or a part missing. */
final class RejectedUpload extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RejectedUpload(String message) {
        super(message);
    }

    RejectedUpload(String message, Throwable cause) {
        super(message, cause);
    }
}
