/**
 * The benchmark's entry point and its run: parse the options, start the emulator, the gateway, the
 * payara-floor and nginx, warm every target up until its JIT has settled (or a bound), walk the matrix cell by cell with the targets taking turns, and
 * write the CSV, the report and the charts. One command ({@code bench/run.sh [--quick]}) does all
 * of it; nothing is asserted, everything is reported.
 */
package dev.uploadgateway.bench;
