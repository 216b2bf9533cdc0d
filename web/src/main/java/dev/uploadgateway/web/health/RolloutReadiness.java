package dev.uploadgateway.web.health;

import dev.uploadgateway.rollout.entity.RolloutSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutionException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the rollout decider, which every upload asks first, answers within two seconds; a
 * wedged decider would hold every upload, so the load balancer should send them elsewhere.
 */
@Readiness
@ApplicationScoped
public class RolloutReadiness implements HealthCheck {

    @Inject
    RolloutProbe probe;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("upload-gateway-rollout");
        try {
            RolloutSettings settings = probe.read().toCompletableFuture().get();
            return response.up().withData("asyncEnabled", settings.asyncEnabled())
                    .withData("percent", String.valueOf(settings.percent())).build();
        } catch (ExecutionException e) {
            return response.down().withData("reason", String.valueOf(e.getCause())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("reason", "interrupted").build();
        }
    }
}
