package dev.uploadgateway.health.boundary;

import dev.uploadgateway.configuration.control.StartupValidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the configuration has been validated (the deployment fails otherwise). */
@Startup
@ApplicationScoped
public class GatewayStartup implements HealthCheck {

    @Inject
    StartupValidation validation;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("upload-gateway-started").status(validation.validated()).build();
    }
}
