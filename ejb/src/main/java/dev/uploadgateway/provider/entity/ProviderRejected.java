package dev.uploadgateway.provider.entity;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.provider.entity.ProviderFailure;
import jakarta.ejb.ApplicationException;

/** HTTP 4xx or an answer that cannot be read: another attempt would fail the same way. */
@ApplicationException
public class ProviderRejected extends ProviderFailure {

    public ProviderRejected(String provider, String message) {
        super(provider, message, null);
    }

    @Override
    public ProblemType problem() {
        return ProblemType.PROVIDER_REJECTED;
    }
}
