/**
 * A loopback HTTP server that imitates the Kimi (Moonshot) and GLM (Zhipu) file-upload APIs so the
 * gateway can be tested against something that answers like the real providers without the network.
 * It records every file it accepts by size and SHA-256, and injects faults (latency, error statuses,
 * hangs, connection resets, garbage bodies, outages) on demand through {@link
 * dev.uploadgateway.emulator.ProviderEmulator} or its {@code /_emulator/} control plane, so it can
 * also run as its own process. Bodies are parsed streaming to disk with commons-fileupload2, the same
 * library as the gateway, because benchmark files run to hundreds of megabytes while the emulator's
 * heap stays small; a file is recorded only once its success response was actually written, so a
 * client that gave up never counts as a delivery.
 */
package dev.uploadgateway.emulator;
