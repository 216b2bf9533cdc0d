/**
 * The database underneath the records: the schema's migrations (Flyway, run at startup, the same
 * on the embedded H2 and on PostgreSQL) and the column mappings the entities share.
 */
package dev.uploadgateway.persistence.control;
