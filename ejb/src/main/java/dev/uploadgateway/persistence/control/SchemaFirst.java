package dev.uploadgateway.persistence.control;

import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates the schema once per start, before the first query meets it: before EclipseLink's session
 * first logs in (this customizer), or before the rollout reads its tables, whichever comes first. On
 * Micro and on a deploy to the DAS the session logs in first; a Payara Server instance starting an
 * EAR it already has starts the rollout's CDI beans before the persistence unit is even there. A
 * database that cannot be opened fails the deployment with the settings to check
 * ({@link DatabaseProblem}) rather than with EclipseLink's stack of pool errors.
 */
public class SchemaFirst implements SessionCustomizer {

    private static final Logger LOG = Logger.getLogger(SchemaFirst.class.getName());
    /** Per class loader, so per deployment: a redeploy migrates again. */
    private static boolean migrated;

    @Override
    public void customize(Session session) {
        DataSource database;
        try {
            database = dataSource(session);
        } catch (NamingException e) {
            throw refusal(e);
        }
        migrate(database);
    }

    /** Brings the schema behind {@code database} to the newest version, once per start. */
    public static synchronized void migrate(DataSource database) {
        if (migrated) {
            return;
        }
        try {
            MigrateResult result = Migrations.migrate(database);
            LOG.log(Level.INFO, "Database schema at version {0} ({1} migration(s) applied now)",
                    new Object[]{Migrations.version(result), result.migrationsExecuted});
            migrated = true;
        } catch (RuntimeException e) {
            throw refusal(e);
        }
    }

    private static IllegalStateException refusal(Exception e) {
        String problem = DatabaseProblem.explain(e, key -> ConfigProvider.getConfig().getOptionalValue(key, String.class));
        LOG.log(Level.SEVERE, "upload-gateway cannot start: {0}", problem);
        return new IllegalStateException("upload-gateway cannot start: " + problem, e);
    }

    private static DataSource dataSource(Session session) throws NamingException {
        JNDIConnector connector = (JNDIConnector) ((DatasourceLogin) session.getDatasourceLogin()).getConnector();
        return connector.getDataSource() != null ? connector.getDataSource()
                : (DataSource) new InitialContext().lookup(connector.getName());
    }
}
