package dev.uploadgateway.resumable.entity;

import dev.uploadgateway.upload.entity.Upload;
import java.util.concurrent.CompletionStage;

/**
 * A completed upload sent in parts: the upload record its joined parts became, and the stage that
 * completes when that upload has been delivered or has failed.
 */
public record PartedReceipt(PartedUpload parted, Upload accepted, CompletionStage<Upload> outcome) {
}
