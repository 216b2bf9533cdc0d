/**
 * What callers touch: the {@code @Stateless} upload facade with its legacy sync path and its
 * {@code @Asynchronous}, fault-tolerant streaming path. The facade reads the request body on the
 * caller's thread (it cannot be read anywhere else) and releases that thread as soon as the body
 * is on the spool; delivery, retries and fallback happen on the EJB container's pool.
 */
package dev.uploadgateway.upload.boundary;
