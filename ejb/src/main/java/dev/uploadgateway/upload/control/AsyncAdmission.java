package dev.uploadgateway.upload.control;

import dev.uploadgateway.upload.entity.GatewayBusy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Bounds how many async uploads are in the gateway at once, from the first byte read to the
 * provider's answer. The next one waits, its body unread, up to
 * {@code upload.async.admission-wait-seconds} for a place, then is refused with 503 and
 * Retry-After (at c = 1000 the benchmark's async path refused 85 % of uploads when it did not wait).
 * Written by hand because Fault Tolerance's {@code @Bulkhead} bounds one method call, while an async
 * upload spans the request thread's intake and the EJB pool's delivery; the EJB pool's own queue is
 * unbounded.
 */
@ApplicationScoped
public class AsyncAdmission {

    @Inject
    @ConfigProperties
    UploadSettings settings;

    private Semaphore permits;

    @PostConstruct
    void init() {
        permits = new Semaphore(settings.asyncMaxInFlight);
    }

    /** Takes a place, waiting for one up to the configured time, or refuses with 503 and Retry-After. */
    public void admit() {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(settings.asyncAdmissionWaitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw new GatewayBusy(settings.busyRetryAfterSeconds, "The async path carried " + settings.asyncMaxInFlight
                    + " uploads (upload.async.max-in-flight) for " + settings.asyncAdmissionWaitSeconds + " s; retry after "
                    + settings.busyRetryAfterSeconds + " s.");
        }
    }

    public void release() {
        permits.release();
    }

    /** How many uploads are waiting for a place now (an estimate, as the semaphore's). */
    int waiting() {
        return permits.getQueueLength();
    }

    public int inFlight() {
        return settings.asyncMaxInFlight - permits.availablePermits();
    }
}
