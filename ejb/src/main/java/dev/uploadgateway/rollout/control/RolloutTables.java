package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.Lease;
import dev.uploadgateway.rollout.entity.SharedRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shared rollout's SQL (V3__shared_rollout.sql), the same on PostgreSQL and H2: the state row
 * replaced by compare-and-set on its version, the leader's lease on the database's clock, the nodes'
 * heartbeats and the audit trail. Each method runs on the caller's connection and transaction.
 * Plain JDBC, not JPA: a compare-and-set, a lease on the database's clock and an append are single
 * statements, which entity mapping would only hide.
 */
public final class RolloutTables {

    /** How a replacement went. */
    public enum Replaced { DONE, STALE, FENCED }

    /** An audit record to append: when, and the JSON document. */
    public record Event(Instant at, String document) {
    }

    /** A node's heartbeat row as read back, with the database's clock at the time of reading. */
    public record NodeRow(String node, String baseUrl, int inFlight, Instant startedAt, Instant lastSeen, String tally,
                   Instant now) {
        public Duration age() {
            return Duration.between(lastSeen, now);
        }
    }

    private static final String LEASE_UNTIL = "CURRENT_TIMESTAMP + CAST(? AS INTEGER) * INTERVAL '1' SECOND";

    private RolloutTables() {
    }

    static Optional<SharedRecord> state(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT VERSION, DOCUMENT, SALT_DIGEST, SCHEDULE FROM ROLLOUT_STATE WHERE ID = 1");
             ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(new SharedRecord(r.getLong(1), r.getString(2), r.getString(3), r.getString(4)))
                    : Optional.empty();
        }
    }

    static long version(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT VERSION FROM ROLLOUT_STATE WHERE ID = 1");
             ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : -1;
        }
    }

    /** Creates the row at version 1 with {@code events}; false when another node created it first. */
    static boolean create(Connection c, SharedRecord record, String node, List<Event> events) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO ROLLOUT_STATE (ID, VERSION, DOCUMENT, SALT_DIGEST,"
                + " SCHEDULE, CHANGED_AT, CHANGED_BY) VALUES (1, 1, ?, ?, ?, CURRENT_TIMESTAMP, ?)")) {
            s.setString(1, record.document());
            s.setString(2, record.saltDigest());
            s.setString(3, record.schedule());
            s.setString(4, node);
            s.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false; // the primary key: two nodes created it at the same moment
            }
            throw e;
        }
        append(c, node, events);
        return true;
    }

    /**
     * Replaces the row at {@code expectedVersion} with {@code next} and appends {@code events} in the
     * same transaction; with a {@code fence}, only while that lease still holds.
     */
    static Replaced replace(Connection c, long expectedVersion, SharedRecord next, String node, Lease fence,
            List<Event> events) throws SQLException {
        String fenced = fence == null ? "" : " AND EXISTS (SELECT 1 FROM ROLLOUT_LEADER WHERE ID = 1 AND NODE = ?"
                + " AND TERM = ? AND LEASE_UNTIL > CURRENT_TIMESTAMP)";
        try (PreparedStatement s = c.prepareStatement("UPDATE ROLLOUT_STATE SET VERSION = VERSION + 1, DOCUMENT = ?,"
                + " SALT_DIGEST = ?, SCHEDULE = ?, CHANGED_AT = CURRENT_TIMESTAMP, CHANGED_BY = ?"
                + " WHERE ID = 1 AND VERSION = ?" + fenced)) {
            s.setString(1, next.document());
            s.setString(2, next.saltDigest());
            s.setString(3, next.schedule());
            s.setString(4, node);
            s.setLong(5, expectedVersion);
            if (fence != null) {
                s.setString(6, fence.node());
                s.setLong(7, fence.term());
            }
            if (s.executeUpdate() == 1) {
                append(c, node, events);
                return Replaced.DONE;
            }
        }
        return fence != null && version(c) == expectedVersion ? Replaced.FENCED : Replaced.STALE;
    }

    static void append(Connection c, String node, List<Event> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO ROLLOUT_EVENT (AT, NODE, DOCUMENT) VALUES (?, ?, ?)")) {
            for (Event e : events) {
                s.setObject(1, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
                s.setString(2, node);
                s.setString(3, e.document());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Takes or renews the leader's lease for {@code seconds} on the database's clock: renewed while
     * {@code node} holds it, taken in the next term once it is free or has run out.
     */
    static Optional<Lease> claim(Connection c, String node, int seconds) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE ROLLOUT_LEADER SET"
                + " TERM = CASE WHEN NODE = ? AND LEASE_UNTIL > CURRENT_TIMESTAMP THEN TERM ELSE TERM + 1 END,"
                + " NODE = ?, LEASE_UNTIL = " + LEASE_UNTIL
                + " WHERE ID = 1 AND (NODE = ? OR NODE IS NULL OR LEASE_UNTIL <= CURRENT_TIMESTAMP)")) {
            s.setString(1, node);
            s.setString(2, node);
            s.setInt(3, seconds);
            s.setString(4, node);
            if (s.executeUpdate() != 1) {
                return Optional.empty();
            }
        }
        return leader(c).filter(lease -> lease.node().equals(node));
    }

    /** The lease that holds now, if any. */
    static Optional<Lease> leader(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT NODE, TERM FROM ROLLOUT_LEADER WHERE ID = 1 AND NODE IS NOT NULL AND LEASE_UNTIL > CURRENT_TIMESTAMP");
             ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(new Lease(r.getString(1), r.getLong(2))) : Optional.empty();
        }
    }

    /** Gives the lease up at once (a node that stops), so another node need not wait for it to run out. */
    static void release(Connection c, Lease lease) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE ROLLOUT_LEADER SET LEASE_UNTIL = CURRENT_TIMESTAMP"
                + " WHERE ID = 1 AND NODE = ? AND TERM = ?")) {
            s.setString(1, lease.node());
            s.setLong(2, lease.term());
            s.executeUpdate();
        }
    }

    /** Records {@code node}'s heartbeat at the database's clock. */
    static void beat(Connection c, String node, String baseUrl, int inFlight, Instant startedAt, String tally)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE ROLLOUT_NODE SET BASE_URL = ?, IN_FLIGHT = ?,"
                + " STARTED_AT = ?, LAST_SEEN = CURRENT_TIMESTAMP, TALLY = ? WHERE NODE = ?")) {
            nodeValues(s, baseUrl, inFlight, startedAt, tally);
            s.setString(5, node);
            if (s.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO ROLLOUT_NODE (BASE_URL, IN_FLIGHT, STARTED_AT,"
                + " LAST_SEEN, TALLY, NODE) VALUES (?, ?, ?, CURRENT_TIMESTAMP, ?, ?)")) {
            nodeValues(s, baseUrl, inFlight, startedAt, tally);
            s.setString(5, node);
            s.executeUpdate();
        }
    }

    private static void nodeValues(PreparedStatement s, String baseUrl, int inFlight, Instant startedAt, String tally)
            throws SQLException {
        s.setString(1, baseUrl);
        s.setInt(2, inFlight);
        s.setObject(3, OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC));
        if (tally == null) {
            s.setNull(4, Types.VARCHAR);
        } else {
            s.setString(4, tally);
        }
    }

    /**
     * Locks {@code node}'s heartbeat row for the caller's transaction if the node is gone: its last
     * heartbeat {@code seconds} or more old on the database's clock. While the lock holds the node
     * cannot beat again (a restarting node's first heartbeat waits for the commit and is read again
     * after it), so what the caller takes from a gone node stays taken. False, nothing locked, while
     * the node lives or was never seen.
     */
    public static boolean lockIfGone(Connection c, String node, int seconds) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT NODE FROM ROLLOUT_NODE WHERE NODE = ?"
                + " AND LAST_SEEN <= CURRENT_TIMESTAMP - CAST(? AS INTEGER) * INTERVAL '1' SECOND FOR UPDATE")) {
            s.setString(1, node);
            s.setInt(2, seconds);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    static List<NodeRow> nodes(Connection c) throws SQLException {
        List<NodeRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT NODE, BASE_URL, IN_FLIGHT, STARTED_AT, LAST_SEEN, TALLY,"
                + " CURRENT_TIMESTAMP FROM ROLLOUT_NODE ORDER BY NODE");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(new NodeRow(r.getString(1), r.getString(2), r.getInt(3), instant(r, 4), instant(r, 5),
                        r.getString(6), instant(r, 7)));
            }
        }
        return rows;
    }

    /** Audit records, newest or oldest first: each document with the node that wrote it. */
    static List<String[]> events(Connection c, int offset, int limit, boolean newestFirst) throws SQLException {
        List<String[]> events = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT NODE, DOCUMENT FROM ROLLOUT_EVENT ORDER BY SEQ"
                + (newestFirst ? " DESC" : "") + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            s.setInt(1, offset);
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(new String[]{r.getString(1), r.getString(2)});
                }
            }
        }
        return events;
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
