package dev.uploadgateway.resumable.entity;

import java.util.Locale;

/** Where an upload sent in parts stands; OpenAI's Upload {@code status} is {@link #label()}. */
public enum PartedState {
    /** Created; takes parts until it is completed, cancelled or expires. */
    PENDING,
    /** Its parts are being joined and handed on; a completion that was cut short is taken up again. */
    COMPLETING,
    /** Joined and handed on as the upload record it names. */
    COMPLETED,
    CANCELLED,
    EXPIRED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether no part can be added or removed any more. */
    public boolean closed() {
        return this != PENDING;
    }
}
