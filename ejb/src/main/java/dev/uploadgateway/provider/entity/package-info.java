/**
 * What the provider port speaks in: the content handed to an adapter ({@link
 * dev.uploadgateway.provider.entity.FileContent}), what a provider answered for a stored file, and
 * the failures, whose type says whether another attempt may help.
 */
package dev.uploadgateway.provider.entity;
