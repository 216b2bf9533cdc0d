/**
 * How an upload is taken in and carried: streaming multipart intake, the hashing spool, the legacy
 * buffered delivery, the per-upload {@link dev.uploadgateway.upload.control.Delivery} shared by
 * fault-tolerant attempts, the sync fallback and the record store. The spool exists so the async
 * path holds a fixed 64 KiB per upload whatever the file size, and so every retry re-reads the
 * same bytes from disk instead of from the client.
 */
package dev.uploadgateway.upload.control;
