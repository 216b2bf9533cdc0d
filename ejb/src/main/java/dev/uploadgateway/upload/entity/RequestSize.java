package dev.uploadgateway.upload.entity;

/**
 * The largest body an upload request may declare: the file limit ({@code upload.max-bytes}) plus room
 * for the multipart framing and the small form fields around the file. One rule for the intake, the
 * sync path's admission and the web layer's early refusal of {@code Expect: 100-continue}.
 */
public final class RequestSize {

    /** Room for the multipart framing and the small form fields around the file. */
    public static final long FRAMING_ALLOWANCE = 64 * 1024;

    private RequestSize() {
    }

    public static long largest(long maxFileBytes) {
        return maxFileBytes + FRAMING_ALLOWANCE;
    }
}
