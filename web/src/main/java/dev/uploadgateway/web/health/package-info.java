/**
 * Health checks that belong to the web module: readiness of what every API request needs first.
 * Its Fault Tolerance-annotated bean also makes Payara Server apply the EJB module's Fault
 * Tolerance annotations in the EAR (see {@link dev.uploadgateway.web.health.RolloutProbe}).
 */
package dev.uploadgateway.web.health;
