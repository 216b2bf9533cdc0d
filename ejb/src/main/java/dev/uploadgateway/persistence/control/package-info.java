/**
 * The database underneath the records: the schema's migrations (Flyway, the same on the embedded
 * H2 and on PostgreSQL), run once per start by the persistence unit's session customizer before
 * anything reads a record, why a database cannot be used, and the column mappings the entities share.
 */
package dev.uploadgateway.persistence.control;
