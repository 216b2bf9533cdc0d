package dev.uploadgateway.upload.control;

import dev.uploadgateway.upload.entity.GatewayBusy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds how many async uploads are in the gateway at once, from the first byte read to the
 * provider's answer, and refuses the next one before its body is read. Written by hand because
 * Fault Tolerance's {@code @Bulkhead} bounds one method call, while an async upload spans the
 * request thread's intake and the EJB pool's delivery; the EJB pool's own queue is unbounded.
 */
@ApplicationScoped
public class AsyncAdmission {

    @Inject
    @ConfigProperty(name = "upload.async.max-in-flight")
    int maxInFlight;
    @Inject
    @ConfigProperty(name = "upload.busy-retry-after-seconds")
    long retryAfterSeconds;

    private Semaphore permits;

    @PostConstruct
    void init() {
        permits = new Semaphore(maxInFlight);
    }

    /** Takes a place or refuses at once with 503 and Retry-After. */
    public void admit() {
        if (!permits.tryAcquire()) {
            throw new GatewayBusy(retryAfterSeconds, "The async path already carries " + maxInFlight
                    + " uploads (upload.async.max-in-flight); retry after " + retryAfterSeconds + " s.");
        }
    }

    public void release() {
        permits.release();
    }

    public int inFlight() {
        return maxInFlight - permits.availablePermits();
    }
}
