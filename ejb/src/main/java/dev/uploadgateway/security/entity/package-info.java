/** What callers of the gateway see of its security: the challenges of a 401. */
package dev.uploadgateway.security.entity;
