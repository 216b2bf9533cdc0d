package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.Lease;
import dev.uploadgateway.rollout.entity.SharedRecord;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The rollout shared by every node, in the database the records live in (H2 embedded, PostgreSQL
 * for a cluster): each call is one transaction of its own, so a move and its audit record commit
 * together whatever the caller's transaction, and a refused compare-and-set leaves nothing behind.
 * A CDI bean, not an EJB: the controller joins the cluster while CDI starts, before EJBs may be called.
 * {@code jdbc/__default} is the default datasource by its server-wide name, which a CDI bean of an EJB
 * module in an EAR can look up as well as the WAR on Micro.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SharedRollout {

    @Resource(lookup = "jdbc/__default")
    DataSource database;

    @FunctionalInterface
    interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    public Optional<SharedRecord> state() {
        return run(RolloutTables::state);
    }

    public long version() {
        return run(RolloutTables::version);
    }

    public boolean create(SharedRecord record, String node, List<RolloutTables.Event> events) {
        return run(c -> RolloutTables.create(c, record, node, events));
    }

    public RolloutTables.Replaced replace(long expectedVersion, SharedRecord next, String node, Lease fence,
            List<RolloutTables.Event> events) {
        return run(c -> RolloutTables.replace(c, expectedVersion, next, node, fence, events));
    }

    /** What one heartbeat learnt: the lease if this node holds it, the lease that holds now, and every node's row. */
    public record Heartbeat(Optional<Lease> held, Optional<Lease> leader, List<RolloutTables.NodeRow> nodes) {
    }

    /**
     * One heartbeat, one transaction: claims or renews the lease for {@code seconds}, records this
     * node's row (with its share of the stage), and reads who leads and every node's row.
     */
    public Heartbeat heartbeat(String node, int seconds, String baseUrl, int inFlight, Instant startedAt, String tally) {
        return run(c -> {
            Optional<Lease> held = RolloutTables.claim(c, node, seconds);
            RolloutTables.beat(c, node, baseUrl, inFlight, startedAt, tally);
            return new Heartbeat(held, held.isPresent() ? held : RolloutTables.leader(c), RolloutTables.nodes(c));
        });
    }

    public void release(Lease lease) {
        run(c -> {
            RolloutTables.release(c, lease);
            return null;
        });
    }

    public List<RolloutTables.NodeRow> nodes() {
        return run(RolloutTables::nodes);
    }

    /** Appends audit records that move nothing. */
    public void append(String node, List<RolloutTables.Event> events) {
        run(c -> {
            RolloutTables.append(c, node, events);
            return null;
        });
    }

    /** Audit records with the node that wrote each: {node, JSON document}. */
    public List<String[]> events(int offset, int limit, boolean newestFirst) {
        return run(c -> RolloutTables.events(c, offset, limit, newestFirst));
    }

    private <T> T run(Work<T> work) {
        try (Connection c = database.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new IllegalStateException("the rollout's database cannot be used (SQLState " + e.getSQLState()
                    + "): " + e.getMessage(), e);
        }
    }
}
