package dev.uploadgateway.upload.control;

import dev.uploadgateway.provider.entity.FileContent;

/**
 * A multipart body read to its end: the file (in heap or on the spool), its digest and the form
 * fields that came with it.
 *
 * @param forward the first attempt, already sending while the body arrived, or null
 */
public record ReceivedUpload(String filename, String contentType, long bytes, String sha256,
                             FileContent content, String provider, String purpose, Forward forward) {

    /** A body that was not forwarded while it was received. */
    public ReceivedUpload(String filename, String contentType, long bytes, String sha256, FileContent content,
                          String provider, String purpose) {
        this(filename, contentType, bytes, sha256, content, provider, purpose, null);
    }
}
