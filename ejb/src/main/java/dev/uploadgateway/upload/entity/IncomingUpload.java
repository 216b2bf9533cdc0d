package dev.uploadgateway.upload.entity;

import java.io.InputStream;

/**
 * A multipart request as it arrives: the raw body, unread, with what the HTTP layer knows about it.
 *
 * @param contentLength the declared length, or -1 when the body is chunked
 * @param stickinessKey the value of the stickiness header, or null when the caller sent none
 * @param idempotencyKey the caller's Idempotency-Key, or null
 */
public record IncomingUpload(String contentType, long contentLength, InputStream body, String stickinessKey,
                             String idempotencyKey) {
}
