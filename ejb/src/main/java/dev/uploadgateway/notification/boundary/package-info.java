/**
 * The rollout's notifications: {@link dev.uploadgateway.notification.boundary.RolloutNotices} hears
 * every stored move of the rollout and posts a signed notice to each webhook receiver that asked for
 * its event, off the controller's path, and records each delivery's outcome in the rollout's trail.
 * Depends on the rollout component; the rollout knows nothing of it.
 */
package dev.uploadgateway.notification.boundary;
