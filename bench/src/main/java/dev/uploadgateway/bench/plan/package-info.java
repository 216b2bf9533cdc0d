/**
 * What one run measures: the four targets (direct, gateway sync, gateway async, nginx), the cells
 * of file size × concurrency with their request counts, and the order in which targets take turns.
 * A cell's request count is bounded by a byte budget so that a full run fits its time on a
 * two-core machine; the order rotates from cell to cell so that drift in machine noise (another
 * tenant, page-cache state, JIT) does not always favour the same target.
 */
package dev.uploadgateway.bench.plan;
