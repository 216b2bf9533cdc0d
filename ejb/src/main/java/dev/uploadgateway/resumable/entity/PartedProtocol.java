package dev.uploadgateway.resumable.entity;

/** The API an upload sent in parts was created through; each answers only for its own uploads. */
public enum PartedProtocol {
    /** OpenAI's Uploads API, {@code /v1/uploads}: parts in any order, completed by a list of them. */
    OPENAI,
    /** tus 1.0, {@code /api/tus}: bytes appended at an offset, completed by the last one. */
    TUS
}
