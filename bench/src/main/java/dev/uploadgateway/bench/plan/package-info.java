/**
 * What one run measures: the five targets (direct, gateway sync, gateway async, nginx,
 * payara-floor), the cells of file size × concurrency with their request counts, the order in which
 * targets take turns, and the warm-up rule that decides when a target's JIT has settled.
 * A cell's request count is bounded by a byte budget so that a full run fits its time on a
 * two-core machine; the order rotates from cell to cell so that drift in machine noise (another
 * tenant, page-cache state, JIT) does not always favour the same target.
 */
package dev.uploadgateway.bench.plan;
