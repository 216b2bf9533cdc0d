package dev.uploadgateway.upload.control;

import dev.uploadgateway.provider.entity.FileContent;

/**
 * A multipart body read to its end: the file (in heap or on the spool), its digest and the form
 * fields that came with it.
 */
public record ReceivedUpload(String filename, String contentType, long bytes, String sha256,
                             FileContent content, String provider, String purpose) {
}
