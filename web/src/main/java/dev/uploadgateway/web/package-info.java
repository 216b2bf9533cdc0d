/**
 * The HTTP face of the gateway: the JAX-RS application and one problem mapper per exception family,
 * answering RFC 9457 {@code application/problem+json}. Resources make one call into the EJB module
 * and translate its answer; no business rule lives here.
 */
package dev.uploadgateway.web;
