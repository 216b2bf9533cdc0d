package dev.uploadgateway.upload.control;

import dev.uploadgateway.upload.entity.GatewayBusy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * How many of the server's request threads uploads may hold at once ({@code upload.max-request-threads},
 * kept below the HTTP thread pool): the rest always answer health checks, the API and the dashboard,
 * however many uploads arrive. An upload holds its place while its body is read, while it waits for
 * admission, and on the sync path while it is delivered; the async path gives its place back once
 * the body is spooled. When every place is taken, the slowest body below the minimum rate is cut
 * to make room (the upload waits up to a second for the place it frees); otherwise the upload gets
 * 503 with Retry-After at once, its body unread.
 */
@ApplicationScoped
public class RequestThreads {

    private static final long WAIT_MILLIS = 1_000;

    @Inject
    @ConfigProperties
    UploadSettings settings;
    @Inject
    BodyWatch bodies;
    @Inject
    MetricRegistry registry;

    private Semaphore free;

    @PostConstruct
    void init() {
        free = new Semaphore(settings.maxRequestThreads);
    }

    /** At startup, so the gauges are there before the first upload. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName("upload_request_threads_held").withDescription(
                "Request threads uploads hold now (reading a body, waiting for admission, delivering on the sync path), "
                        + "of upload.max-request-threads").withUnit(MetricUnits.NONE).build(), this, RequestThreads::held);
        registry.gauge(Metadata.builder().withName("upload_bodies_reading").withDescription(
                "Request bodies being read now, each watched for idleness and the minimum rate")
                .withUnit(MetricUnits.NONE).build(), bodies, BodyWatch::reading);
    }

    /** Takes a place for the calling request thread; close the place to give it back. */
    public Place take() {
        boolean taken = free.tryAcquire();
        try {
            // no waiting otherwise: a request waiting for a place holds one of the threads kept for others
            if (!taken && bodies.cutSlowest()) {
                taken = free.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!taken) {
            throw new GatewayBusy(settings.busyRetryAfterSeconds, "All " + settings.maxRequestThreads + " request threads uploads may hold "
                    + "(upload.max-request-threads) are busy reading or delivering; retry after " + settings.busyRetryAfterSeconds
                    + " s.");
        }
        return new Place();
    }

    public int held() {
        return settings.maxRequestThreads - free.availablePermits();
    }

    /** One request thread's place; given back once. */
    public final class Place implements AutoCloseable {
        private boolean held = true;

        @Override
        public void close() {
            if (held) {
                held = false;
                free.release();
            }
        }
    }
}
