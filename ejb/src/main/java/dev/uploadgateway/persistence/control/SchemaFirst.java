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
 * Migrates the schema before EclipseLink's session first logs in, which Payara does while it
 * deploys the application, before any startup bean: so no query ever meets an old schema, and a
 * database that cannot be opened fails the deployment with the settings to check
 * ({@link DatabaseProblem}) rather than with EclipseLink's stack of pool errors.
 */
public class SchemaFirst implements SessionCustomizer {

    private static final Logger LOG = Logger.getLogger(SchemaFirst.class.getName());

    @Override
    public void customize(Session session) {
        try {
            MigrateResult result = Migrations.migrate(dataSource(session));
            LOG.log(Level.INFO, "Database schema at version {0} ({1} migration(s) applied now)",
                    new Object[]{Migrations.version(result), result.migrationsExecuted});
        } catch (RuntimeException | NamingException e) {
            String problem = DatabaseProblem.explain(e, key -> ConfigProvider.getConfig().getOptionalValue(key, String.class));
            LOG.log(Level.SEVERE, "upload-gateway cannot start: {0}", problem);
            throw new IllegalStateException("upload-gateway cannot start: " + problem, e);
        }
    }

    private static DataSource dataSource(Session session) throws NamingException {
        JNDIConnector connector = (JNDIConnector) ((DatasourceLogin) session.getDatasourceLogin()).getConnector();
        return connector.getDataSource() != null ? connector.getDataSource()
                : (DataSource) new InitialContext().lookup(connector.getName());
    }
}
