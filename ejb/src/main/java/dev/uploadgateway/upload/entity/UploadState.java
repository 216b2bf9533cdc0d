package dev.uploadgateway.upload.entity;

import java.util.Locale;

/** Life cycle of an upload record: RECEIVED → UPLOADING → DELIVERED | FAILED. */
public enum UploadState {
    RECEIVED, UPLOADING, DELIVERED, FAILED;

    private final String label = name().toLowerCase(Locale.ROOT);

    public boolean terminal() {
        return this == DELIVERED || this == FAILED;
    }

    /** The lower-case name used in JSON, the remote view and CSV. */
    public String label() {
        return label;
    }
}
