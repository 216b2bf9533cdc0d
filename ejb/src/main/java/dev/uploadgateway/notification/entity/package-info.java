/**
 * Values of the rollout's notifications: a configured {@link dev.uploadgateway.notification.entity.Receiver},
 * the {@link dev.uploadgateway.notification.entity.WebhookFormat} of its bodies, and one
 * {@link dev.uploadgateway.notification.entity.Delivery} of a notice to it.
 */
package dev.uploadgateway.notification.entity;
