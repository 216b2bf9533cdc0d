package dev.uploadgateway.persistence.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DatabaseProblemTest {

    private static final Map<String, String> POSTGRES = Map.of(DatabaseProblem.HOST, "127.0.0.1",
            DatabaseProblem.PORT, "55999", DatabaseProblem.NAME, "uploads", DatabaseProblem.USER, "gw",
            DatabaseProblem.PASSWORD, "s3cret-value");
    private static final Function<String, Optional<String>> SETTINGS = key -> Optional.ofNullable(POSTGRES.get(key));

    /** As the connection pool reports it: its own wrapper without a state around the driver's exception. */
    private static RuntimeException pooled(String state, String message) {
        SQLException driver = new SQLException(message, state);
        return new RuntimeException("Unable to obtain connection from database",
                new SQLException("Error in allocating a connection. Cause: " + message, null, driver));
    }

    @Test
    void aWrongPasswordNamesTheUserAndThePasswordSettingButNotThePassword() {
        String said = DatabaseProblem.explain(pooled("28P01", "FATAL: password authentication failed for user \"gw\""), SETTINGS);
        assertTrue(said.contains("UPLOAD_GATEWAY_DB_PASSWORD") && said.contains("UPLOAD_GATEWAY_DB_USER=gw"), said);
        assertFalse(said.contains("s3cret-value"), said);
    }

    @Test
    void anUnreachableServerNamesHostAndPort() {
        String said = DatabaseProblem.explain(pooled("08001", "Connection to 127.0.0.1:55999 refused."), SETTINGS);
        assertTrue(said.startsWith("cannot reach PostgreSQL at UPLOAD_GATEWAY_DB_HOST=127.0.0.1, UPLOAD_GATEWAY_DB_PORT=55999"), said);
        assertTrue(said.contains("check UPLOAD_GATEWAY_DB_HOST and UPLOAD_GATEWAY_DB_PORT"), said);
    }

    @Test
    void aMissingDatabaseNamesTheDatabaseSetting() {
        String said = DatabaseProblem.explain(pooled("3D000", "FATAL: database \"uploads\" does not exist"), SETTINGS);
        assertTrue(said.contains("check UPLOAD_GATEWAY_DB_NAME"), said);
    }

    @Test
    void withoutAHostTheEmbeddedDatabaseIsNamed() {
        String said = DatabaseProblem.explain(new IllegalStateException("disk full"), key -> Optional.empty());
        assertTrue(said.equals("cannot open or migrate the embedded H2 database (no UPLOAD_GATEWAY_DB_HOST is set) (disk full)"), said);
    }
}
