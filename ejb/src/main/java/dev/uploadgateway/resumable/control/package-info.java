/**
 * The parts' records, locked per upload so parts, completion, cancellation and expiry never cross;
 * the parts' files on the spool, forced to disk before a part is acknowledged; tus's metadata and
 * checksum headers; the settings.
 */
package dev.uploadgateway.resumable.control;
