/**
 * The schema at startup: migrated before anything reads a record, or the deployment fails with
 * what is wrong and which setting to look at.
 */
package dev.uploadgateway.persistence.boundary;
