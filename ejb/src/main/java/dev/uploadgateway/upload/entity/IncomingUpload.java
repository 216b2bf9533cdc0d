package dev.uploadgateway.upload.entity;

import java.io.InputStream;

/**
 * A multipart request as it arrives: the raw body, unread, with what the HTTP layer knows about it.
 *
 * @param contentLength the declared length, or -1 when the body is chunked
 * @param stickinessKey the value of the stickiness header, or null when the caller sent none
 * @param idempotencyKey the caller's Idempotency-Key, or null
 * @param respondAsync the caller asked to be answered before delivery ({@code Prefer: respond-async})
 * @param tenant whose upload it is
 */
public record IncomingUpload(String contentType, long contentLength, InputStream body, String stickinessKey,
                             String idempotencyKey, boolean respondAsync, Tenant tenant) {

    /**
     * Whether the spool must be on disk before the answer: when the answer comes before delivery, or
     * when the caller will rely on the record by its Idempotency-Key. A caller that waits for the
     * delivery learns of a failure and retries; its spool is only a buffer, and a crash of the
     * machine (not of the process: the page cache survives that) is caught at resume by the
     * spool's length and SHA-256 not matching the record.
     */
    /** The same request, its body read through {@code watched}. */
    public IncomingUpload withBody(InputStream watched) {
        return new IncomingUpload(contentType, contentLength, watched, stickinessKey, idempotencyKey, respondAsync, tenant);
    }

    public boolean spoolMustBeDurable() {
        return respondAsync || idempotencyKey != null;
    }
}
