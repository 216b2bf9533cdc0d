package dev.uploadgateway.upload.entity;

/**
 * What a caller says about a file besides its bytes: the fields of the multipart form, or the
 * arguments of a non-HTTP caller. Provider and purpose may be null for the defaults.
 */
public record UploadForm(String filename, String contentType, String provider, String purpose) {
}
