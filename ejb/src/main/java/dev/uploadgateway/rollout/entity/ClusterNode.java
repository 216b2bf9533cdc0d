package dev.uploadgateway.rollout.entity;

import java.time.Instant;

/**
 * One gateway node as the cluster last heard of it.
 *
 * @param baseUrl where the node itself answers ({@code cluster.node-url}), null when not configured
 * @param inFlight the async uploads the node was delivering at its last heartbeat
 * @param alive whether its last heartbeat is younger than the lease ({@code cluster.lease-seconds})
 */
public record ClusterNode(String id, String baseUrl, int inFlight, Instant startedAt, Instant lastSeen,
                          boolean alive, boolean leader) {
}
