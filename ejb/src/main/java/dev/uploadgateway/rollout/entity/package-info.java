/**
 * Values of the rollout: the per-request {@link dev.uploadgateway.rollout.entity.Decision}.
 */
package dev.uploadgateway.rollout.entity;
