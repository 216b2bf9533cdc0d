/**
 * Values of the rollout: the per-request {@link dev.uploadgateway.rollout.entity.Decision}; the
 * staged schedule with each stage's criteria and the triggers that stop it; the outcomes and KPIs
 * a stage is judged on, its verdict and the reasons for it; and the rollout's state and the
 * transitions of its audit trail. All are records of plain values (instants, boxed numbers where a
 * value may be unknown, lists and maps) so that JSON-B writes and reads them as they are and the
 * state survives a restart.
 */
package dev.uploadgateway.rollout.entity;
