/**
 * The provider port and its adapters: {@code local} (disk, the default), {@code kimi} and
 * {@code glm} (OpenAI-style multipart over Apache HttpClient's blocking API, written by the calling
 * thread to a pooled, kept-alive connection). Every adapter takes a
 * {@link dev.uploadgateway.provider.entity.FileContent}, so the legacy path hands over its
 * in-heap array, the async path its spool file and a forwarded upload the body still arriving, and
 * the same adapter streams the latter two; the failure type says whether another attempt may help,
 * which is all fault tolerance needs to know.
 */
package dev.uploadgateway.provider.control;
