/**
 * The provider port and its adapters: {@code local} (disk, the default), {@code kimi} and
 * {@code glm} (OpenAI-style multipart over {@code java.net.http}). Every adapter takes a
 * {@link dev.uploadgateway.provider.entity.FileContent}, so the legacy path hands over its
 * in-heap array and the async path its spool file, and the same adapter streams the latter; the
 * failure type says whether another attempt may help, which is all fault tolerance needs to know.
 */
package dev.uploadgateway.provider.control;
