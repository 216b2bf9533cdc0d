package dev.uploadgateway.rollout.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.persistence.control.Migrations;
import dev.uploadgateway.rollout.entity.Lease;
import dev.uploadgateway.rollout.entity.SharedRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared rollout's SQL on the embedded H2, migrated as at startup; the same SQL runs on PostgreSQL in the ITs. */
class RolloutTablesTest {

    private static final SharedRecord FIRST = new SharedRecord(0, "{\"n\":1}", "digest", "0,1,100");
    private Connection c;

    @BeforeEach
    void migrated() throws SQLException {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(database);
        c = database.getConnection();
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void theStateIsCreatedOnceAndReplacedOnlyAtTheVersionItWasRead() throws SQLException {
        assertEquals(Optional.empty(), RolloutTables.state(c));
        assertTrue(RolloutTables.create(c, FIRST, "a", List.of(new RolloutTables.Event(Instant.now(), "{\"e\":0}"))));
        assertFalse(RolloutTables.create(c, FIRST, "b", List.of()), "the second node finds it made");

        SharedRecord second = new SharedRecord(0, "{\"n\":2}", "digest", "0,1,100");
        assertEquals(RolloutTables.Replaced.DONE, RolloutTables.replace(c, 1, second, "a", null,
                List.of(new RolloutTables.Event(Instant.now(), "{\"e\":1}"))));
        assertEquals(RolloutTables.Replaced.STALE, RolloutTables.replace(c, 1, FIRST, "b", null,
                List.of(new RolloutTables.Event(Instant.now(), "{\"e\":2}"))), "b read version 1, which is gone");

        assertEquals(2, RolloutTables.state(c).orElseThrow().version());
        assertEquals("{\"n\":2}", RolloutTables.state(c).orElseThrow().document());
        List<String[]> events = RolloutTables.events(c, 0, 10, true);
        assertEquals(2, events.size(), "the refused replacement appended nothing");
        assertEquals("{\"e\":1}", events.get(0)[1]);
        assertEquals("a", events.get(0)[0]);
        assertEquals(1, RolloutTables.events(c, 1, 10, true).size());
    }

    @Test
    void oneNodeHoldsTheLeaseUntilItRunsOutAndTheNextTermFencesTheOldLeader() throws SQLException {
        RolloutTables.create(c, FIRST, "a", List.of());
        Lease a = RolloutTables.claim(c, "a", 5).orElseThrow();
        assertEquals(Optional.empty(), RolloutTables.claim(c, "b", 5), "a holds it");
        assertEquals(a, RolloutTables.claim(c, "a", 5).orElseThrow(), "renewed in the same term");
        assertEquals(Optional.of(a), RolloutTables.leader(c));

        expire();
        Lease b = RolloutTables.claim(c, "b", 5).orElseThrow();
        assertNotEquals(a.term(), b.term());
        assertEquals(RolloutTables.Replaced.FENCED, RolloutTables.replace(c, 1, FIRST, "a", a, List.of()),
                "a's term is over");
        assertEquals(RolloutTables.Replaced.DONE, RolloutTables.replace(c, 1, FIRST, "b", b, List.of()));

        RolloutTables.release(c, b);
        assertEquals(Optional.empty(), RolloutTables.leader(c));
        assertEquals(b.term() + 1, RolloutTables.claim(c, "a", 5).orElseThrow().term());
    }

    @Test
    void heartbeatsAreOneRowPerNode() throws SQLException {
        Instant started = Instant.parse("2026-12-01T10:00:00Z");
        RolloutTables.beat(c, "a", "http://127.0.0.1:1", 3, started, "{}");
        RolloutTables.beat(c, "a", "http://127.0.0.1:1", 4, started, null);
        RolloutTables.beat(c, "b", null, 0, started, "{\"t\":1}");
        List<RolloutTables.NodeRow> nodes = RolloutTables.nodes(c);
        assertEquals(2, nodes.size());
        assertEquals(4, nodes.get(0).inFlight());
        assertEquals(started, nodes.get(0).startedAt());
        assertTrue(nodes.get(0).age().toSeconds() < 5);
        assertEquals("{\"t\":1}", nodes.get(1).tally());
    }

    private void expire() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE ROLLOUT_LEADER SET LEASE_UNTIL = CURRENT_TIMESTAMP - INTERVAL '1' SECOND");
        }
    }
}
