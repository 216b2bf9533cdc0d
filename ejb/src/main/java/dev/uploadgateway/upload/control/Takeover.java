package dev.uploadgateway.upload.control;

import dev.uploadgateway.rollout.control.RolloutTables;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Moves unfinished uploads to this node by compare-and-set on the record's node, so that exactly one
 * node resumes each: a gone node's (its heartbeat older than the lease, its heartbeat row locked while
 * they move, so it cannot come back half-way through) and those from before records named a node.
 * Each call is one transaction. Plain JDBC: the lock is on the rollout's node table, which the upload
 * records' mapping does not know, and it must be in the same transaction as the moves.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class Takeover {

    private static final String UNFINISHED = " AND STATE IN ('RECEIVED', 'UPLOADING')";

    @Resource(lookup = "jdbc/__default")
    DataSource database;

    /** The ids of {@code gone}'s unfinished uploads, oldest first, now {@code me}'s; none while it lives. */
    public List<String> fromGone(String gone, String me, int leaseSeconds) {
        try (Connection c = database.getConnection()) {
            if (!RolloutTables.lockIfGone(c, gone, leaseSeconds)) {
                return List.of();
            }
            // each record by compare-and-set on its node, not the whole lot: two live nodes that both
            // found the node gone (its row lock is no guard where the pool commits each statement)
            // must never both take one record, which would send it twice (ClusterIT saw it in CI)
            return moved(c, ids(c, "NODE = ?", gone), gone, me);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take over node " + gone + "'s uploads: " + e.getMessage(), e);
        }
    }

    /** The ids of the unfinished uploads that name no node (recorded before V4), now {@code me}'s. */
    public List<String> unheld(String me) {
        try (Connection c = database.getConnection()) {
            return moved(c, ids(c, "NODE IS NULL", null), null, me);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the uploads that name no node: " + e.getMessage(), e);
        }
    }

    /** Those of {@code ids} this call moved from {@code from} (null: no node) to {@code me}, each by compare-and-set. */
    private static List<String> moved(Connection c, List<String> ids, String from, String me) throws SQLException {
        List<String> taken = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("UPDATE UPLOAD_RECORD SET NODE = ? WHERE ID = ? AND "
                + (from == null ? "NODE IS NULL" : "NODE = ?") + UNFINISHED)) {
            for (String id : ids) {
                s.setString(1, me);
                s.setString(2, id);
                if (from != null) {
                    s.setString(3, from);
                }
                if (s.executeUpdate() == 1) {
                    taken.add(id);
                }
            }
        }
        return taken;
    }

    private static List<String> ids(Connection c, String held, String node) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ID FROM UPLOAD_RECORD WHERE " + held + UNFINISHED
                + " ORDER BY CREATEDAT")) {
            if (node != null) {
                s.setString(1, node);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        return ids;
    }
}
