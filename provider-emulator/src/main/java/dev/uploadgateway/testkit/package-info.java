/**
 * What a test client needs to talk to the gateway and to the emulator the way real clients do:
 * a streaming multipart form. Kept beside the emulator so the integration tests and the benchmark
 * load generator build requests the same way.
 */
package dev.uploadgateway.testkit;
