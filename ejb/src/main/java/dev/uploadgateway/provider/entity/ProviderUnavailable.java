package dev.uploadgateway.provider.entity;

import dev.uploadgateway.problem.entity.ProblemType;
import dev.uploadgateway.provider.entity.ProviderFailure;
import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.Optional;

/** Network error, timeout, HTTP 429 or 5xx: worth another attempt. */
@ApplicationException
public class ProviderUnavailable extends ProviderFailure {

    private final Duration retryAfter;

    public ProviderUnavailable(String provider, String message, Throwable cause) {
        this(provider, message, cause, null);
    }

    public ProviderUnavailable(String provider, String message, Throwable cause, Duration retryAfter) {
        super(provider, message, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the provider asked the gateway to wait (HTTP Retry-After), if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public ProblemType problem() {
        return ProblemType.PROVIDER_UNAVAILABLE;
    }
}
