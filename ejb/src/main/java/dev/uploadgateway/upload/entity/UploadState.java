package dev.uploadgateway.upload.entity;

/** Life cycle of an upload record: RECEIVED → UPLOADING → DELIVERED | FAILED. */
public enum UploadState {
    RECEIVED, UPLOADING, DELIVERED, FAILED;

    public boolean terminal() {
        return this == DELIVERED || this == FAILED;
    }
}
