/**
 * Configuration rules. Every key has its default and meaning in
 * {@code META-INF/microprofile-config.properties}; this package holds the rules values must obey,
 * checked once at deployment so a bad value stops the gateway before it serves a request.
 */
package dev.uploadgateway.configuration.control;
