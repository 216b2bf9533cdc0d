/**
 * MicroProfile Health checks: liveness (heap headroom), readiness (database, spool, provider) and
 * startup (configuration validated). Readiness checks what an upload needs, so a load balancer
 * stops sending uploads before they would fail.
 */
package dev.uploadgateway.health.boundary;
