package dev.uploadgateway.upload.entity;

import java.util.Locale;

/** Which way an upload went to its provider. */
public enum UploadPath {
    /** The legacy buffered path: whole file in heap, blocking. */
    SYNC,
    /** The streaming path: spool on disk, {@code @Asynchronous} EJB, fault tolerance. */
    ASYNC,
    /** Started on the async path, delivered by the legacy path after the async attempts failed. */
    SYNC_FALLBACK;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in JSON, metrics and CSV. */
    public String label() {
        return label;
    }
}
