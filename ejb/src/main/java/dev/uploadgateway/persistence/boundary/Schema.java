package dev.uploadgateway.persistence.boundary;

import dev.uploadgateway.persistence.control.DatabaseProblem;
import dev.uploadgateway.persistence.control.Migrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema at startup. {@link dev.uploadgateway.persistence.control.SchemaFirst} has migrated it
 * when the persistence unit deployed; this checks it again (a no-op when nothing is pending) before
 * the startup beans that read records (they depend on this one), and keeps the version for the
 * startup health check. Flyway serialises concurrent starts itself (on PostgreSQL with an advisory
 * lock), so three nodes starting at once migrate once.
 */
@Startup
@Singleton
@DependsOn("StartupValidation")
public class Schema {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource database;
    @Inject
    Config config;

    private volatile String version;

    /** The schema version in force, once migrated. */
    public String version() {
        return version;
    }

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Flyway commits on its own connections
    void migrate() {
        try {
            MigrateResult result = Migrations.migrate(database);
            version = Migrations.version(result);
        } catch (RuntimeException e) {
            throw new IllegalStateException("upload-gateway cannot start: "
                    + DatabaseProblem.explain(e, key -> config.getOptionalValue(key, String.class)), e);
        }
    }
}
