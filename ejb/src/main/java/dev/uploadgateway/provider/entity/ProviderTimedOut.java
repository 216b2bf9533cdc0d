package dev.uploadgateway.provider.entity;

import dev.uploadgateway.problem.entity.ProblemType;
import jakarta.ejb.ApplicationException;

/** No attempt got an answer from the provider within the configured time. */
@ApplicationException
public class ProviderTimedOut extends ProviderUnavailable {

    public ProviderTimedOut(String provider, String message, Throwable cause) {
        super(provider, message, cause);
    }

    @Override
    public ProblemType problem() {
        return ProblemType.PROVIDER_TIMEOUT;
    }
}
