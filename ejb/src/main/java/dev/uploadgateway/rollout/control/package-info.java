/**
 * The rollout: which requests take the async path. The decision is a pure function of a salted
 * hash of the caller's stickiness key and the configured percentage, so a key keeps its path
 * across requests and nodes and raising the percentage never sends a key back to sync; the
 * percentage is configuration, read at each decision, so operators move it with the server's
 * own tooling.
 */
package dev.uploadgateway.rollout.control;
