package dev.uploadgateway.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the JVM can still allocate: a gateway whose heap is nearly exhausted after
 * collection will not recover by itself and should be restarted.
 */
@Liveness
@ApplicationScoped
public class GatewayLiveness implements HealthCheck {

    static final double HEAP_LIMIT = 0.98;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        double share = (double) used / runtime.maxMemory();
        return HealthCheckResponse.named("upload-gateway-heap")
                .status(share < HEAP_LIMIT)
                .withData("heapUsedBytes", used)
                .withData("heapMaxBytes", runtime.maxMemory())
                .build();
    }
}
