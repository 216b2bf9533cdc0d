package dev.uploadgateway.provider.entity;

import dev.uploadgateway.problem.entity.ProblemType;
import jakarta.ejb.ApplicationException;

/** A provider did not store the file. The message is the provider's own, never a credential. */
@ApplicationException
public abstract class ProviderFailure extends RuntimeException {

    private final String provider;

    protected ProviderFailure(String provider, String message, Throwable cause) {
        super(message, cause);
        this.provider = provider;
    }

    public String provider() {
        return provider;
    }

    /** The problem it is for the caller: rejected, unavailable or timed out. */
    public abstract ProblemType problem();

    /** The failure's class as metrics, records and problem types name it, e.g. {@code provider-rejected}. */
    public String kind() {
        return problem().slug();
    }
}
