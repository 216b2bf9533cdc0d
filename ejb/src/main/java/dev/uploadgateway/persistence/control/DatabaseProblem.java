package dev.uploadgateway.persistence.control;

import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Says why the database could not be opened or migrated in the words of the settings an operator
 * changes (PostgreSQL's SQLSTATE classes, the keys of README's "Database" table), never with the
 * password's value. Database products word their messages differently; the SQLSTATE is standard.
 */
public final class DatabaseProblem {

    public static final String HOST = "UPLOAD_GATEWAY_DB_HOST";
    public static final String PORT = "UPLOAD_GATEWAY_DB_PORT";
    public static final String NAME = "UPLOAD_GATEWAY_DB_NAME";
    public static final String USER = "UPLOAD_GATEWAY_DB_USER";
    public static final String PASSWORD = "UPLOAD_GATEWAY_DB_PASSWORD";

    private DatabaseProblem() {
    }

    /**
     * @param failure what opening or migrating threw
     * @param setting reads one setting (MicroProfile Config: the environment, system properties)
     */
    public static String explain(Throwable failure, Function<String, Optional<String>> setting) {
        SQLException sql = sqlCause(failure);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String cause = describe(sql == null ? root(failure) : sql);
        Optional<String> host = setting.apply(HOST);
        String where = host.map(h -> "PostgreSQL at " + HOST + "=" + h + ", " + PORT + "=" + setting.apply(PORT).orElse("5432")
                + ", " + NAME + "=" + setting.apply(NAME).orElse("upload_gateway"))
                .orElse("the embedded H2 database (no " + HOST + " is set)");
        if (state.equals("28P01") || state.equals("28000")) {
            return "the database refused the login of " + USER + "=" + setting.apply(USER).orElse("gateway")
                    + " to " + where + ": check " + PASSWORD + " (or its password alias) and " + USER + " (" + cause + ")";
        }
        if (state.equals("3D000")) {
            return where + " has no such database: check " + NAME + " (" + cause + ")";
        }
        if (state.startsWith("08")) {
            return "cannot reach " + where + ": check " + HOST + " and " + PORT + " (" + cause + ")";
        }
        if (state.equals("42501")) { // insufficient_privilege
            return "the database user " + setting.apply(USER).orElse("gateway") + " may not change the schema of " + where
                    + ": it needs CREATE on it (" + cause + ")";
        }
        return "cannot open or migrate " + where + " (" + cause + ")";
    }

    private static SQLException sqlCause(Throwable failure) {
        SQLException found = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException e && (found == null || e.getSQLState() != null)) {
                found = e; // the innermost with a SQLSTATE: the driver's own, not the pool's wrapper
            }
        }
        return found;
    }

    private static Throwable root(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        int line = message.indexOf('\n');
        return line < 0 ? message : message.substring(0, line);
    }
}
