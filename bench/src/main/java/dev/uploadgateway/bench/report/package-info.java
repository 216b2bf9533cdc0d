/**
 * From measurements to what a reader decides on: one CSV row per target and cell, the ratios the
 * original promises were about (async against sync, gateway against direct and nginx), the CPU an
 * upload costs each target against the bare server (payara-floor) and nginx, async against sync
 * latency judged by the gateway's own stage-1 rule, each target figure marked met or missed with
 * the number and the margin behind it, SVG charts drawn without a library,
 * and a Markdown report that describes the machine and the matrix it was measured on — and, given
 * an earlier run's results.csv, the same figures before and after, as a fix has to be shown.
 */
package dev.uploadgateway.bench.report;
