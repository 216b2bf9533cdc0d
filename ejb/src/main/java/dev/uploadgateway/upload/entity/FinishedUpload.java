package dev.uploadgateway.upload.entity;

import java.time.Instant;

/**
 * The four columns of a finished upload that a time series needs, read by a projection query so
 * that a dashboard's history over days does not load whole records into heap.
 */
public record FinishedUpload(UploadPath path, UploadState state, long durationMs, Instant completedAt) {

    public boolean delivered() {
        return state == UploadState.DELIVERED;
    }
}
