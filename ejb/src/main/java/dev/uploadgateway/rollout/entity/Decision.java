package dev.uploadgateway.rollout.entity;

import dev.uploadgateway.upload.entity.UploadPath;

/**
 * The decider's answer for one request: the path, the stickiness key it was made for (generated
 * when the caller sent none) and the key's bucket, so the caller can repeat the request stickily.
 */
public record Decision(UploadPath path, String stickinessKey, boolean keyGenerated, int bucket, double percent) {
}
