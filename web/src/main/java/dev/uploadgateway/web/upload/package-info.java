/**
 * The upload resource and its JSON view. The resource takes the request body as an unread stream
 * and hands it to the EJB facade; the view fixes the field names clients depend on.
 */
package dev.uploadgateway.web.upload;
