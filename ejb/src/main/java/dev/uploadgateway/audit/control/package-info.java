/**
 * What the trails share: the append-only JSON-lines writer, the write-behind queue in front of it
 * for a trail that repeats what the database holds (so no upload waits on the file), and the
 * spreadsheet-safe CSV cell. The
 * trails themselves live with what they record ({@code upload.control.UploadTrail},
 * {@code rollout.control.RolloutTrail}). Plain append-only files were chosen over database tables
 * so a trail can be shipped and read with ordinary tools (jq, spreadsheets) and survives a database
 * that is replaced.
 */
package dev.uploadgateway.audit.control;
