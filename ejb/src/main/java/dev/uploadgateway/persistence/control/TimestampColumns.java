package dev.uploadgateway.persistence.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 2: the record's three instants become {@code TIMESTAMP WITH TIME ZONE} columns,
 * indexed where the API orders and filters by them. Existing rows keep their values: each
 * Java-serialized instant is read back (only {@code java.time}'s own serial form is accepted) and
 * written into the new column, in the migration's one transaction. A database made by a version
 * older than V1's layout first gains whatever columns it lacks.
 */
public class TimestampColumns implements JavaMigration {

    static final List<String> INSTANTS = List.of("CREATEDAT", "COMPLETEDAT", "DELETEDAT");
    /** Every column that create-or-extend-tables may not yet have added to an old database. */
    private static final List<String> LATER_COLUMNS = List.of(
            "ATTEMPTS INTEGER", "BYTES BIGINT", "COMPLETEDAT BYTEA", "CONTENTTYPE VARCHAR", "CREATEDAT BYTEA",
            "DELETEDAT BYTEA", "DURATIONMS BIGINT", "FAILURECLASS VARCHAR", "FAILUREREASON VARCHAR(2048)",
            "FILENAME VARCHAR(1024)", "IDEMPOTENCYKEY VARCHAR(255)", "PATH VARCHAR", "PROVIDER VARCHAR",
            "PROVIDERFILEID VARCHAR", "PURPOSE VARCHAR", "SHA256 VARCHAR(64)", "SPOOLFILE VARCHAR(1024)",
            "STATE VARCHAR", "STICKINESSKEY VARCHAR(512)", "TENANT VARCHAR(64)");
    private static final ObjectInputFilter INSTANT_ONLY =
            ObjectInputFilter.Config.createFilter("java.time.Ser;java.time.Instant;maxdepth=2;maxrefs=4;maxbytes=256;!*");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "instants as timestamps";
    }

    /** Changing this class after release would need a new version, not a new checksum. */
    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        try (Statement ddl = db.createStatement()) {
            for (String column : LATER_COLUMNS) {
                ddl.execute("ALTER TABLE UPLOAD_RECORD ADD COLUMN IF NOT EXISTS " + column);
            }
            for (String column : INSTANTS) {
                ddl.execute("ALTER TABLE UPLOAD_RECORD ADD COLUMN " + column + "_TS TIMESTAMP WITH TIME ZONE");
                copy(db, column);
                ddl.execute("ALTER TABLE UPLOAD_RECORD DROP COLUMN " + column);
                ddl.execute("ALTER TABLE UPLOAD_RECORD RENAME COLUMN " + column + "_TS TO " + column);
            }
            ddl.execute("CREATE INDEX UPLOAD_RECORD_CREATED ON UPLOAD_RECORD (CREATEDAT)");
            ddl.execute("CREATE INDEX UPLOAD_RECORD_COMPLETED ON UPLOAD_RECORD (COMPLETEDAT)");
            ddl.execute("CREATE INDEX UPLOAD_RECORD_STATE ON UPLOAD_RECORD (STATE)");
        }
    }

    private static void copy(Connection db, String column) throws SQLException {
        try (Statement read = db.createStatement();
             ResultSet rows = read.executeQuery("SELECT ID, " + column + " FROM UPLOAD_RECORD WHERE " + column + " IS NOT NULL");
             PreparedStatement write = db.prepareStatement("UPDATE UPLOAD_RECORD SET " + column + "_TS = ? WHERE ID = ?")) {
            while (rows.next()) {
                write.setObject(1, instant(rows.getBytes(2), rows.getString(1), column).atOffset(ZoneOffset.UTC));
                write.setString(2, rows.getString(1));
                write.executeUpdate();
            }
        }
    }

    /** One serialized instant as EclipseLink wrote it (ObjectOutputStream of the Instant). */
    static Instant instant(byte[] serialized, String id, String column) throws SQLException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialized))) {
            in.setObjectInputFilter(INSTANT_ONLY);
            return (Instant) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new SQLException("upload " + id + ": its " + column + " is not a serialized instant (" + e + ")", e);
        }
    }
}
