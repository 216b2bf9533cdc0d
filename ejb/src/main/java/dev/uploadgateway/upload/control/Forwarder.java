package dev.uploadgateway.upload.control;

import dev.uploadgateway.provider.control.Providers;
import dev.uploadgateway.provider.entity.ProviderFailure;
import dev.uploadgateway.provider.entity.ProviderRejected;
import dev.uploadgateway.provider.entity.ProviderUnavailable;
import dev.uploadgateway.upload.entity.Tenant;
import io.opentelemetry.context.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forwards an async upload while it is received: starts its first attempt when the file part
 * begins, and ends the upload with that attempt's answer once the record is committed. An upload
 * that cannot be judged yet (an unknown provider, a filename the gateway refuses, a reused
 * Idempotency-Key, a provider that does not stream) is not forwarded: it is spooled and sent after
 * its body, and gets the same answers as always.
 */
@ApplicationScoped
public class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class.getName());
    private static final long TICK_MILLIS = 100;

    @Inject
    @ConfigProperties
    UploadSettings settings;
    @Inject
    Providers providers;
    @Inject
    UploadStore store;
    @Inject
    LiveAttempt live;
    @Inject
    @ConfigProperty(name = "async.upload.timeout")
    long attemptTimeoutSeconds;
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;
    private final Set<Waiting> answers = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> ticks;

    /**
     * Starts the first attempt of an upload whose file part begins now, or returns null when it is
     * not to be forwarded.
     *
     * @param provider the provider field as far as the form has come (null if not yet seen)
     * @param purpose  the purpose field likewise
     */
    public Forward start(Tenant tenant, String idempotencyKey, String provider, String purpose, String filename,
                         String contentType, LiveSpool spool) {
        if (!settings.asyncForwardWhileReceiving || Filenames.problem(filename) != null) {
            return null;
        }
        Providers.Target target;
        try {
            target = providers.target(provider, purpose);
            if (spool.expected() >= 0) {
                providers.checkSize(target, spool.expected());
            }
        } catch (RuntimeException e) {
            return null; // the same refusal comes with the whole form
        }
        if (!target.provider().streams()) {
            return null;
        }
        try {
            if (idempotencyKey != null && store.byIdempotencyKey(tenant, idempotencyKey).isPresent()) {
                return null;
            }
            Forward forward = new Forward(UUID.randomUUID().toString(), target, filename, contentType, spool,
                    Context.current());
            live.send(forward);
            return forward;
        } catch (RuntimeException e) {
            // forwarding is an optimisation: an upload that cannot start one is spooled and sent after
            LOG.log(Level.WARNING, "Could not forward an upload while receiving it; it is sent after its body: {0}",
                    e.toString());
            return null;
        }
    }

    /**
     * Ends the upload with its forwarded attempt, which counts as attempt 1: delivered, refused
     * (failed, as Fault Tolerance's abortOn would end it), or failed otherwise and handed to
     * {@code retry}, which sends it again from the spool once the body is complete (reconciling first).
     */
    public void settle(Forward forward, Delivery delivery, Consumer<Delivery> retry) {
        int attempt = delivery.nextAttempt();
        // the whole body is in: from now on the attempt has async.upload.timeout, as every attempt
        Waiting waiting = new Waiting(forward, System.nanoTime() + TimeUnit.SECONDS.toNanos(attemptTimeoutSeconds));
        answers.add(waiting);
        forward.answer().whenComplete((file, failure) -> {
            answers.remove(waiting);
            try {
                if (failure == null) {
                    delivery.finish(store, file, attempt);
                } else if (failure instanceof ProviderRejected rejected) {
                    delivery.fail(store, rejected);
                    delivery.outcome().completeExceptionally(rejected);
                } else {
                    if (failure instanceof ProviderUnavailable unavailable) {
                        unavailable.retryAfter().ifPresent(delivery::retryAfter);
                    }
                    LOG.log(Level.FINE, "Upload {0}: the forwarded attempt failed ({1}); retrying from the spool",
                            new Object[]{delivery.uploadId(), message(failure)});
                    retry.accept(delivery);
                }
            } catch (RuntimeException e) {
                delivery.outcome().completeExceptionally(e);
            }
        });
    }

    /** One tick for all uploads: a task per upload on the managed executor captured context at 10 % of a request thread's samples. */
    @PostConstruct
    void start() {
        ticks = scheduler.scheduleWithFixedDelay(this::expire, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    /** Ends the forwarded attempts whose answer is overdue; the provider client aborts each on the interrupt. */
    void expire() {
        long now = System.nanoTime();
        for (Waiting waiting : answers) {
            if (now - waiting.deadline() >= 0 && answers.remove(waiting)) {
                waiting.forward().timeOut();
            }
        }
    }

    /** A forwarded attempt whose body is complete, waiting for the provider's answer until {@code deadline} (nanoTime). */
    private record Waiting(Forward forward, long deadline) {
    }

    private static String message(Throwable failure) {
        return failure instanceof ProviderFailure ? failure.getMessage() : failure.toString();
    }
}
