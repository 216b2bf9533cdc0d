/**
 * The upload record and its closed sets. An {@link dev.uploadgateway.upload.entity.Upload} is
 * written when the body has been read and updated as delivery proceeds, so the record is the one
 * truth about an upload whichever path carried it; the business exceptions live here because the
 * caller's mistakes are part of the upload's vocabulary, not of any one layer.
 */
package dev.uploadgateway.upload.entity;
