/**
 * The processes a run starts — the provider emulator, the gateway on Payara Micro, the payara-floor
 * WAR on the same Micro, nginx — each in its own JVM or process on 127.0.0.1 (both Micros get a
 * pre-boot line that binds their listener to it), with its output in the run's work directory. Every child is
 * registered with {@link dev.uploadgateway.bench.process.Children} the moment it starts: a shutdown
 * hook stops whatever is left (descendants first) on any exit, and the pid file lets
 * {@code bench/run.sh} kill survivors even when the harness itself was killed.
 */
package dev.uploadgateway.bench.process;
