/**
 * The payara-floor target of the benchmark: the least an upload can cost on the gateway's server.
 * One JAX-RS resource on the same Payara Micro, booted with the gateway's JVM flags, heap and
 * pre-boot commands, reads the body the gateway gets as a plain {@code InputStream} (Jersey's
 * multipart support would first copy it to a temp file), hashes it with SHA-256 and answers 201
 * with the digest. It neither parses the multipart framing nor stores or forwards anything: what
 * the gateway spends beyond this target is its own code — parsing, spooling, records, delivery.
 */
package dev.uploadgateway.bench.floor;
