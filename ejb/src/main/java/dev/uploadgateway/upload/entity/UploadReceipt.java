package dev.uploadgateway.upload.entity;

import java.util.concurrent.CompletionStage;

/**
 * An upload the gateway has taken responsibility for: its record as committed (bytes on disk,
 * record stored) and the stage that completes when delivery has ended.
 *
 * @param replayed true when an earlier upload with the same Idempotency-Key and content answered
 */
public record UploadReceipt(Upload accepted, CompletionStage<Upload> outcome, boolean replayed) {
}
