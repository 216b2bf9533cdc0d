package dev.uploadgateway.rollout.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.uploadgateway.rollout.entity.RolloutRules;
import dev.uploadgateway.rollout.entity.SharedRecord;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterRulesTest {

    private static RolloutRules rules(Map<String, String> overrides) {
        return ScheduleConfig.read(key -> Optional.ofNullable(overrides.getOrDefault(key, ShippedRules.DEFAULTS.getProperty(key))));
    }

    private static SharedRecord row(ClusterRules rules) {
        return new SharedRecord(1, "{}", rules.saltDigest(), rules.schedule());
    }

    @Test
    void agreesWithTheSameRulesAndKeepsOnlyTheSaltsDigest() {
        ClusterRules mine = ClusterRules.of("secret-salt", rules(Map.of()).schedule());
        assertEquals(Optional.empty(), mine.difference(row(ClusterRules.of("secret-salt", rules(Map.of()).schedule()))));
        assertEquals(64, mine.saltDigest().length());
        assertFalse(mine.saltDigest().contains("secret-salt"));
    }

    @Test
    void namesTheSaltAndEveryStageThatDiffers() {
        ClusterRules cluster = ClusterRules.of("upload-gateway", rules(Map.of()).schedule());
        ClusterRules other = ClusterRules.of("another", rules(Map.of("rollout.stage.2.percent", "20",
                "rollout.stage.4.min-uploads", "9000")).schedule());
        assertEquals(Optional.of("rollout.salt, rollout.stage.2.*, rollout.stage.4.*"), other.difference(row(cluster)));
    }
}
