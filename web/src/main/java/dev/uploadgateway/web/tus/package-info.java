/**
 * tus 1.0 at {@code /api/tus}: the protocol's headers and statuses over the resumable component's
 * {@code TusUploads}. Written against JAX-RS rather than with tus-java-server 1.0.0-3.0, which
 * lacks creation-with-upload, answers 406 where tus says 415, an empty 200 when an upload is locked,
 * digests every PATCH five times and never forces its record of an upload to disk.
 */
package dev.uploadgateway.web.tus;
