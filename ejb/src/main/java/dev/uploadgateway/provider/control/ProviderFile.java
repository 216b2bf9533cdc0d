package dev.uploadgateway.provider.control;

/** What a provider answered for a stored file. */
public record ProviderFile(String id, long bytes, String purpose) {
}
