package dev.uploadgateway.health.boundary;

import dev.uploadgateway.provider.control.ProviderConfig;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready to take uploads when the database answers, the spool directory is writable with at least
 * {@code health.spool-min-free-bytes} free, and the default provider is usable (local, or a remote
 * one with a key). Each part is reported, so an operator sees which one is down.
 */
@Readiness
@ApplicationScoped
public class GatewayReadiness implements HealthCheck {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource database;
    @Inject
    Config config;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("upload-gateway");
        boolean db = databaseAnswers();
        boolean spool = spoolWritable(response);
        String provider = config.getValue("upload.default-provider", String.class);
        boolean providerReady = "local".equals(provider) || new ProviderConfig(config, provider).apiKey().isPresent();
        return response.withData("database", db).withData("spool", spool)
                .withData("provider", provider).withData("providerConfigured", providerReady)
                .status(db && spool && providerReady).build();
    }

    private boolean databaseAnswers() {
        try (Connection connection = database.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private boolean spoolWritable(HealthCheckResponseBuilder response) {
        try {
            Path dir = Files.createDirectories(Path.of(config.getValue("upload.spool-dir", String.class)));
            long free = Files.getFileStore(dir).getUsableSpace();
            response.withData("spoolFreeBytes", free);
            Path probe = Files.createTempFile(dir, "health-", ".probe");
            Files.delete(probe);
            return free >= config.getValue("health.spool-min-free-bytes", Long.class);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
