package dev.uploadgateway.web.health;

import dev.uploadgateway.rollout.boundary.RolloutService;
import dev.uploadgateway.rollout.entity.RolloutSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Reads the rollout switches for {@link RolloutReadiness} within a probe's budget. Asynchronous, so
 * the timeout ends the wait even when the read cannot be interrupted (a decision waits on the
 * rollout controller's lock while it evaluates or saves its state).
 *
 * <p>It is also, on purpose, an FT-annotated CDI bean in the web module: Payara Server applies the
 * Fault Tolerance annotations of an EAR's EJB module only when the web module has one (without it,
 * {@code AsyncAttempt#deliver} silently gets no retry, timeout or fallback). PayaraServerIT
 * fails if that ever happens again.
 */
@ApplicationScoped
public class RolloutProbe {

    @Inject
    RolloutService rollout;

    @Asynchronous
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    public CompletionStage<RolloutSettings> read() {
        return CompletableFuture.completedFuture(rollout.settings());
    }
}
