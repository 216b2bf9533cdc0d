package dev.uploadgateway.health.boundary;

import dev.uploadgateway.configuration.control.StartupValidation;
import dev.uploadgateway.persistence.boundary.Schema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the configuration has been validated and the schema migrated (the deployment fails otherwise). */
@Startup
@ApplicationScoped
public class GatewayStartup implements HealthCheck {

    @Inject
    StartupValidation validation;
    @Inject
    Schema schema;

    @Override
    public HealthCheckResponse call() {
        String version = schema.version();
        return HealthCheckResponse.named("upload-gateway-started").status(validation.validated() && version != null)
                .withData("schema", version == null ? "not migrated" : version).build();
    }
}
