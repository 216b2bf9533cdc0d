/**
 * The rollout: which requests take the async path. The decision is a pure function of a salted
 * hash of the caller's stickiness key and the configured percentage, so a key keeps its path
 * across requests and nodes and raising the percentage never sends a key back to sync; the
 * percentage is configuration, read at each decision, so operators move it with the server's
 * own tooling.
 * <p>
 * How far the rollout may go is decided on evidence: the stage window keeps the current stage's
 * outcomes in fixed memory, the stage evaluator judges them by Wilson confidence bounds (promotion
 * must prove health, a rollback needs a full recent window that crosses a trigger, latency only
 * ever asks for a review) and the rollout machine moves the position. The three are plain Java
 * with the clock passed in, so the replay test drives them through whole rollouts on a virtual
 * clock, and the same rules hold in the server.
 */
package dev.uploadgateway.rollout.control;
