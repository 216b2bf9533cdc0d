package dev.uploadgateway.provider.control;

/**
 * The port every provider adapter implements: one upload of one file. Limits, purposes and
 * credentials are configuration ({@link ProviderConfig}), checked before an adapter is called.
 */
public interface FileProvider {

    /** The name callers use: {@code local}, {@code kimi}, {@code glm}. */
    String name();

    /**
     * Sends one file. Blocks until the provider answered; an interrupt aborts the exchange.
     *
     * @throws ProviderUnavailable when trying again may succeed (network, timeout, 429, 5xx)
     * @throws ProviderRejected    when it will not (4xx, unreadable answer)
     */
    ProviderFile upload(String filename, String contentType, String purpose, FileContent content);
}
