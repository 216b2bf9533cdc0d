package dev.uploadgateway.provider.entity;

import jakarta.ejb.ApplicationException;

/** A provider did not store the file. The message is the provider's own, never a credential. */
@ApplicationException
public abstract class ProviderFailure extends RuntimeException {

    private final String provider;
    private final int providerStatus;

    protected ProviderFailure(String provider, int providerStatus, String message, Throwable cause) {
        super(message, cause);
        this.provider = provider;
        this.providerStatus = providerStatus;
    }

    public String provider() {
        return provider;
    }

    /** The provider's HTTP status, or 0 when no answer arrived. */
    public int providerStatus() {
        return providerStatus;
    }

    /** The failure's class as metrics, records and problem types name it, e.g. {@code provider-rejected}. */
    public abstract String kind();

    /** Whether a later attempt may succeed. */
    public abstract boolean retryable();
}
