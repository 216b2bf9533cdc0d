package dev.uploadgateway.upload.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.uploadgateway.persistence.control.Migrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The takeover's compare-and-set on the embedded H2, migrated as at startup; ClusterIT runs it on PostgreSQL. */
class TakeoverTest {

    private final Takeover takeover = new Takeover();
    private Connection c;

    @BeforeEach
    void migrated() throws SQLException {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(database);
        takeover.database = database;
        c = database.getConnection();
        node("live", 0);
        node("gone", 10);
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void aGoneNodesUnfinishedUploadsMoveToTheTakerOnceAndALiveNodesStay() throws SQLException {
        upload("g1", "gone", "UPLOADING", 1);
        upload("g2", "gone", "RECEIVED", 2);
        upload("g3", "gone", "DELIVERED", 3);
        upload("l1", "live", "UPLOADING", 4);

        assertEquals(List.of(), takeover.fromGone("live", "me", 5), "a node whose heartbeat is younger than the lease keeps its own");
        assertEquals(List.of(), takeover.fromGone("never-seen", "me", 5));
        assertEquals(List.of("g1", "g2"), takeover.fromGone("gone", "me", 5), "unfinished only, oldest first");
        assertEquals(List.of(), takeover.fromGone("gone", "other", 5), "taken once: a second taker finds none");
        assertEquals(List.of(), takeover.fromGone("gone", "me", 30), "nor while the lease has not run out");

        assertEquals("me", holder("g1"));
        assertEquals("me", holder("g2"));
        assertEquals("gone", holder("g3"), "a finished upload stays as it was");
        assertEquals("live", holder("l1"));
    }

    @Test
    void uploadsThatNameNoNodeAreTakenByTheFirstNodeOnly() throws SQLException {
        upload("n1", null, "UPLOADING", 1);
        upload("n2", null, "FAILED", 2);
        upload("h1", "live", "UPLOADING", 3);

        assertEquals(List.of("n1"), takeover.unheld("first"));
        assertEquals(List.of(), takeover.unheld("second"));
        assertEquals("first", holder("n1"));
        assertEquals(null, holder("n2"));
    }

    private void node(String node, int secondsAgo) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO ROLLOUT_NODE (NODE, IN_FLIGHT, STARTED_AT, LAST_SEEN)"
                + " VALUES (?, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP - CAST(? AS INTEGER) * INTERVAL '1' SECOND)")) {
            s.setString(1, node);
            s.setInt(2, secondsAgo);
            s.executeUpdate();
        }
    }

    private void upload(String id, String node, String state, int order) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO UPLOAD_RECORD (ID, ATTEMPTS, BYTES, CONTENTTYPE,"
                + " CREATEDAT, DURATIONMS, FILENAME, PATH, PROVIDER, PURPOSE, SHA256, STATE, NODE) VALUES (?, 1, 10,"
                + " 'text/plain', CURRENT_TIMESTAMP + CAST(? AS INTEGER) * INTERVAL '1' MINUTE, 0, 'a.txt', 'ASYNC',"
                + " 'kimi', 'file-extract', ?, ?, ?)")) {
            s.setString(1, id);
            s.setInt(2, order); // created in this order
            s.setString(3, "0".repeat(64));
            s.setString(4, state);
            s.setString(5, node);
            s.executeUpdate();
        }
    }

    private String holder(String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT NODE FROM UPLOAD_RECORD WHERE ID = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
