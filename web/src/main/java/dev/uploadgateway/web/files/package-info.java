/**
 * The OpenAI-compatible files API: OpenAI's paths, JSON shapes, Bearer authentication and error
 * bodies over the gateway's own uploads, so existing OpenAI and Kimi SDK clients work unchanged.
 */
package dev.uploadgateway.web.files;
