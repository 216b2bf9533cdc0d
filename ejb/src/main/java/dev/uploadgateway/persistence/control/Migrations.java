package dev.uploadgateway.persistence.control;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema's history: the SQL migrations in {@code db/migration} and the Java ones listed here,
 * applied in version order by Flyway. A database that holds the records but no history yet (made
 * before migrations, by EclipseLink's table generation) is taken as version 1.
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
                .baselineVersion("1")
                .baselineDescription("records made before migrations")
                .load()
                .migrate();
    }

    /** The version a migration left the schema at. */
    public static String version(MigrateResult result) {
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }
}
