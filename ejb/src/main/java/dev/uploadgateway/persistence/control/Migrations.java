package dev.uploadgateway.persistence.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema's history: the SQL migrations in {@code db/migration} and the Java ones listed here,
 * applied in version order by Flyway. A database that holds the records' table but no history yet
 * (made before migrations, by EclipseLink's table generation) is taken as version 1; one that holds
 * other tables only is taken as version 0, so V1 creates the records' table beside them.
 */
public final class Migrations {

    private Migrations() {
    }

    /** Brings the schema behind {@code database} to the newest version; returns Flyway's account. */
    public static MigrateResult migrate(DataSource database) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(database)
                .locations("classpath:db/migration")
                .javaMigrations(new TimestampColumns())
                .baselineOnMigrate(true)
                .baselineVersion(holdsRecords(database) ? "1" : "0")
                .baselineDescription("records made before migrations")
                .load()
                .migrate();
    }

    private static boolean holdsRecords(DataSource database) {
        try (Connection c = database.getConnection(); Statement probe = c.createStatement()) {
            probe.executeQuery("SELECT ID FROM UPLOAD_RECORD WHERE 1 = 0").close();
            return true;
        } catch (SQLException absent) {
            return false; // no such table (or no database at all, which migrate() then reports)
        }
    }

    /** The version a migration left the schema at. */
    public static String version(MigrateResult result) {
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }
}
