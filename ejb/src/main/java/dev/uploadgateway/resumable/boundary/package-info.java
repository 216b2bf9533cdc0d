/**
 * What callers touch: uploads sent in parts, created, fed parts, completed into one upload through
 * the upload facade, cancelled: OpenAI's Uploads API (parts in any order, completed by a list) and
 * tus 1.0 (bytes appended at an offset, completed by the last); and the sweep that expires the ones
 * left pending. One store serves both: a tus PATCH is a part at its offset.
 */
package dev.uploadgateway.resumable.boundary;
