/**
 * How a notice is made and sent: the receivers read from {@code rollout.webhooks.<name>.*}, the
 * event a move is, the JSON or chat body, the HMAC-SHA256 signature, and the Fault Tolerance guarded
 * post.
 */
package dev.uploadgateway.notification.control;
