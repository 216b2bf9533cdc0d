/**
 * What the HTTP layer asks of security: whose records a caller works with. It turns the
 * authenticated caller (an operator, a tenant's API key, or nobody) into a {@code Tenant}, or
 * refuses an anonymous caller where anonymous uploads are closed; the queries do the scoping.
 */
package dev.uploadgateway.security.boundary;
