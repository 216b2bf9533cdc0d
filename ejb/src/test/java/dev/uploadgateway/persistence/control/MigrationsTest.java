package dev.uploadgateway.persistence.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    /** The table exactly as EclipseLink's create-or-extend-tables made it on Micro's H2 (SCRIPT NODATA). */
    private static final String ECLIPSELINK_TABLE = """
            CREATE CACHED TABLE "PUBLIC"."UPLOAD_RECORD"(
                "ID" CHARACTER VARYING(36) NOT NULL, "ATTEMPTS" INTEGER, "BYTES" BIGINT,
                "COMPLETEDAT" BINARY VARYING, "CONTENTTYPE" CHARACTER VARYING, "CREATEDAT" BINARY VARYING,
                "DELETEDAT" BINARY VARYING, "DURATIONMS" BIGINT, "FAILURECLASS" CHARACTER VARYING,
                "FAILUREREASON" CHARACTER VARYING(2048), "FILENAME" CHARACTER VARYING(1024),
                "IDEMPOTENCYKEY" CHARACTER VARYING(255), "PATH" CHARACTER VARYING, "PROVIDER" CHARACTER VARYING,
                "PROVIDERFILEID" CHARACTER VARYING, "PURPOSE" CHARACTER VARYING, "SHA256" CHARACTER VARYING(64),
                "SPOOLFILE" CHARACTER VARYING(1024), "STATE" CHARACTER VARYING, "STICKINESSKEY" CHARACTER VARYING(512),
                "TENANT" CHARACTER VARYING(64));
            ALTER TABLE "PUBLIC"."UPLOAD_RECORD" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_9E" PRIMARY KEY("ID");
            ALTER TABLE "PUBLIC"."UPLOAD_RECORD" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_9" UNIQUE("IDEMPOTENCYKEY");
            """;

    private JdbcDataSource database;

    @BeforeEach
    void freshDatabase() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        database.setUser("gateway");
        database.setPassword("");
    }

    @Test
    void anEmptyDatabaseGetsTheWholeSchemaWithTypedInstants() throws SQLException {
        MigrateResult result = Migrations.migrate(database);

        assertEquals("6", result.targetSchemaVersion);
        assertEquals(6, result.migrationsExecuted);
        for (String column : TimestampColumns.INSTANTS) {
            assertEquals("TIMESTAMP WITH TIME ZONE", columnType(column), column);
        }
        Instant first = Instant.parse("2026-01-01T00:00:00Z");
        insert("a", first, first.plusSeconds(5));
        insert("b", first.plusSeconds(1), null);
        assertEquals(List.of("b", "a"), query("SELECT ID FROM UPLOAD_RECORD ORDER BY CREATEDAT DESC"));
        assertEquals(List.of("a"), query("SELECT ID FROM UPLOAD_RECORD WHERE COMPLETEDAT >= TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:04+00'"));
    }

    @Test
    void recordsMadeBeforeMigrationsAreBaselinedAndKeepTheirInstants() throws Exception {
        Instant created = Instant.parse("2025-11-30T23:59:59.123456Z");
        Instant completed = Instant.parse("2025-12-01T00:00:01.5Z");
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute(ECLIPSELINK_TABLE);
            PreparedStatement row = c.prepareStatement(
                    "INSERT INTO UPLOAD_RECORD (ID, STATE, BYTES, CREATEDAT, COMPLETEDAT, FILENAME) VALUES (?, 'STORED', 7, ?, ?, 'old.txt')");
            row.setString(1, "old");
            row.setBytes(2, serialized(created));
            row.setBytes(3, serialized(completed));
            row.executeUpdate();
        }

        MigrateResult result = Migrations.migrate(database);

        assertEquals("1", result.initialSchemaVersion == null ? "1" : result.initialSchemaVersion);
        assertEquals("6", result.targetSchemaVersion);
        assertEquals(5, result.migrationsExecuted, "V1 is the baseline, V2 to V6 run");
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT CREATEDAT, COMPLETEDAT, DELETEDAT, FILENAME, BYTES FROM UPLOAD_RECORD WHERE ID = 'old'")) {
            assertTrue(r.next());
            assertEquals(created, r.getObject(1, OffsetDateTime.class).toInstant());
            assertEquals(completed, r.getObject(2, OffsetDateTime.class).toInstant());
            assertEquals(null, r.getObject(3));
            assertEquals("old.txt", r.getString(4));
            assertEquals(7, r.getLong(5));
        }
        assertEquals(0, Migrations.migrate(database).migrationsExecuted, "a second start changes nothing");
    }

    @Test
    void aDatabaseWithOtherTablesOnlyGetsTheRecordsTableBesideThem() throws Exception {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE KEPT (NAME VARCHAR)");
            s.execute("INSERT INTO KEPT VALUES ('mine')");
        }

        MigrateResult result = Migrations.migrate(database);

        assertEquals(6, result.migrationsExecuted, "baselined at 0: V1 to V6 run");
        assertEquals("TIMESTAMP WITH TIME ZONE", columnType("CREATEDAT"));
        assertEquals(List.of("mine"), query("SELECT NAME FROM KEPT"));
    }

    @Test
    void anOlderLayoutGainsTheColumnsLaterVersionsAdded() throws Exception {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE UPLOAD_RECORD (ID VARCHAR(36) PRIMARY KEY, STATE VARCHAR, CREATEDAT VARBINARY, COMPLETEDAT VARBINARY)");
            s.execute("INSERT INTO UPLOAD_RECORD (ID, STATE) VALUES ('older', 'FAILED')");
        }

        Migrations.migrate(database);

        assertEquals("CHARACTER VARYING", columnType("TENANT"));
        assertEquals("CHARACTER VARYING", columnType("TRACE_ID"));
        assertEquals("CHARACTER VARYING", columnType("TRACE_PARENT"));
        assertEquals("TIMESTAMP WITH TIME ZONE", columnType("DELETEDAT"));
        assertEquals(List.of("older"), query("SELECT ID FROM UPLOAD_RECORD WHERE TENANT IS NULL"));
    }

    @Test
    void aValueThatIsNoSerializedInstantStopsTheMigrationNamingTheRecord() throws Exception {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute(ECLIPSELINK_TABLE);
            PreparedStatement row = c.prepareStatement("INSERT INTO UPLOAD_RECORD (ID, CREATEDAT) VALUES ('bad', ?)");
            row.setBytes(1, serialized(new ArrayList<>(List.of("not an instant"))));
            row.executeUpdate();
        }

        FlywayException failure = assertThrows(FlywayException.class, () -> Migrations.migrate(database));

        assertTrue(String.valueOf(failure.getMessage()).contains("upload bad: its CREATEDAT is not a serialized instant"),
                failure.getMessage());
    }

    private void insert(String id, Instant created, Instant completed) throws SQLException {
        try (Connection c = database.getConnection();
             PreparedStatement row = c.prepareStatement("INSERT INTO UPLOAD_RECORD (ID, CREATEDAT, COMPLETEDAT) VALUES (?, ?, ?)")) {
            row.setString(1, id);
            row.setObject(2, new InstantColumn().convertToDatabaseColumn(created));
            row.setObject(3, new InstantColumn().convertToDatabaseColumn(completed));
            row.executeUpdate();
        }
    }

    private List<String> query(String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        return ids;
    }

    private String columnType(String column) throws SQLException {
        try (Connection c = database.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                     + " WHERE TABLE_NAME = 'UPLOAD_RECORD' AND COLUMN_NAME = ?")) {
            q.setString(1, column);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static byte[] serialized(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }
}
