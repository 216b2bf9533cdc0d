package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.StoredRollout;
import java.util.Optional;

/**
 * Where the rollout's state survives restarts and redeploys. One node keeps it in a file
 * ({@link FileStateStore}); a cluster-wide store (a database row, a Hazelcast map) implements the
 * same two methods.
 */
public interface RolloutStateStore {

    Optional<StoredRollout> load();

    void save(StoredRollout stored);
}
