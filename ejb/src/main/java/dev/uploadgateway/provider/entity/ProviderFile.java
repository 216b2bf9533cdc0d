package dev.uploadgateway.provider.entity;

/** What a provider answered for a stored file. */
public record ProviderFile(String id, long bytes, String purpose) {
}
