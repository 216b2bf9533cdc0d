package dev.uploadgateway.rollout.control;

import dev.uploadgateway.rollout.entity.Schedule;
import dev.uploadgateway.rollout.entity.SharedRecord;
import dev.uploadgateway.rollout.entity.StagePlan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The rules every node of a cluster must share, as the shared row keeps them: the salt's SHA-256
 * (the salt itself stays in each node's configuration) and the schedule, one line per stage.
 */
record ClusterRules(String saltDigest, String schedule) {

    static ClusterRules of(String salt, Schedule schedule) {
        return new ClusterRules(digest(salt), String.join("\n", schedule.plans().stream().map(StagePlan::toString).toList()));
    }

    /** The keys in which {@code row}'s rules differ from these, named for an operator; empty when they agree. */
    Optional<String> difference(SharedRecord row) {
        StringBuilder keys = new StringBuilder();
        if (!saltDigest.equals(row.saltDigest())) {
            keys.append("rollout.salt");
        }
        List<String> mine = schedule.lines().toList();
        List<String> theirs = row.schedule().lines().toList();
        for (int i = 0; i < Math.max(mine.size(), theirs.size()); i++) {
            if (i >= mine.size() || i >= theirs.size() || !mine.get(i).equals(theirs.get(i))) {
                keys.append(keys.isEmpty() ? "" : ", ").append("rollout.stage.").append(i).append(".*");
            }
        }
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys.toString());
    }

    private static String digest(String salt) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(salt.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
