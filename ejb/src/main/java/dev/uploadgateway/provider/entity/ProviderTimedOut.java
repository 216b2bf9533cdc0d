package dev.uploadgateway.provider.entity;

import jakarta.ejb.ApplicationException;

/** No attempt got an answer from the provider within the configured time. */
@ApplicationException
public class ProviderTimedOut extends ProviderUnavailable {

    public ProviderTimedOut(String provider, String message, Throwable cause) {
        super(provider, message, cause);
    }

    @Override
    public String kind() {
        return "provider-timeout";
    }
}
