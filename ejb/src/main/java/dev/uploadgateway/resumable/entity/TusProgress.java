package dev.uploadgateway.resumable.entity;

/**
 * Where a tus upload stands after a request: the upload, the bytes it holds (its offset), and, once
 * the last byte is in, the upload record its bytes became (null before).
 */
public record TusProgress(PartedUpload upload, long offset, String recordId) {
}
