package dev.uploadgateway.provider.control;

import jakarta.ejb.ApplicationException;

/** Network error, timeout, HTTP 429 or 5xx: worth another attempt. */
@ApplicationException
public class ProviderUnavailable extends ProviderFailure {

    public ProviderUnavailable(String provider, int providerStatus, String message, Throwable cause) {
        super(provider, providerStatus, message, cause);
    }

    @Override
    public String kind() {
        return "provider-unavailable";
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
