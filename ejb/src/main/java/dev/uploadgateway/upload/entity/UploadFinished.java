package dev.uploadgateway.upload.entity;

/**
 * An upload reached DELIVERED or FAILED. Fired once per upload, in the transaction that stored the
 * final state; observers that count or export it listen {@code during = AFTER_SUCCESS}.
 */
public record UploadFinished(Upload upload) {

    public boolean success() {
        return upload.getState() == UploadState.DELIVERED;
    }
}
