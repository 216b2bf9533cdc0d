package dev.uploadgateway.rollout.control;

import static dev.uploadgateway.rollout.control.Uploads.T0;
import static dev.uploadgateway.rollout.control.Uploads.async;
import static dev.uploadgateway.rollout.control.Uploads.failed;
import static dev.uploadgateway.rollout.control.Uploads.record;
import static dev.uploadgateway.rollout.control.Uploads.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.rollout.entity.ControllerState;
import dev.uploadgateway.rollout.entity.Kpis;
import dev.uploadgateway.rollout.entity.RecentOutcomes;
import dev.uploadgateway.rollout.entity.RolloutState;
import dev.uploadgateway.rollout.entity.Triggers;
import dev.uploadgateway.upload.entity.UploadPath;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several nodes' stage windows judged as one, from the shares they publish as JSON with their heartbeats. */
class ClusterFiguresTest {

    private static final Triggers TRIGGERS = ShippedRules.RULES.triggers();
    private static final long HEAP = 512L << 20;
    private static final RolloutState STAGE_3 = RolloutState.initial(T0, HEAP)
            .withStage(3, 50, true, ControllerState.HOLDING, T0, HEAP);
    private static final Jsonb JSON = JsonbBuilder.create();

    private final StageWindow leader = new StageWindow(TRIGGERS.recentWindow());
    private final StageWindow second = new StageWindow(TRIGGERS.recentWindow());
    private final StageWindow third = new StageWindow(TRIGGERS.recentWindow());

    /** A share as the leader reads it back from the node's row: through JSON, as the heartbeat stores it. */
    private static TallyFigures published(StageWindow node, int nodes) {
        return JSON.fromJson(JSON.toJson(node.figures(STAGE_3, nodes)), TallyFigures.class);
    }

    private Kpis together() {
        return leader.kpis(T0.plus(Duration.ofHours(1)), HEAP, STAGE_3, TRIGGERS,
                List.of(published(second, 3), published(third, 3)));
    }

    @Test
    void addsEveryNodesCountsAndLatenciesAsIfOneNodeHadSeenThemAll() {
        StageWindow alone = new StageWindow(TRIGGERS.recentWindow());
        StageWindow[] nodes = {leader, second, third};
        for (int i = 0; i < 900; i++) {
            var outcome = i % 10 == 0 ? sync(900 + i) : async(400 + i % 300);
            nodes[i % 3].record(outcome);
            alone.record(outcome);
        }
        record(second, 5, failed(UploadPath.ASYNC, "OutOfMemoryError"));
        record(alone, 5, failed(UploadPath.ASYNC, "OutOfMemoryError"));
        Kpis cluster = together();
        Kpis one = alone.kpis(T0.plus(Duration.ofHours(1)), HEAP, STAGE_3, TRIGGERS);
        assertEquals(one.asyncUploads(), cluster.asyncUploads());
        assertEquals(one.asyncSucceeded(), cluster.asyncSucceeded());
        assertEquals(one.syncUploads(), cluster.syncUploads());
        assertEquals(one.asyncP50Ms(), cluster.asyncP50Ms());
        assertEquals(one.asyncP95Ms(), cluster.asyncP95Ms());
        assertEquals(one.syncP95Ms(), cluster.syncP95Ms());
        assertEquals(one.asyncSuccess(), cluster.asyncSuccess());
        assertEquals(Map.of("OutOfMemoryError", 5L), cluster.criticalErrors(), "a critical error on any node");
    }

    @Test
    void theClustersRecentWindowIsEachNodesLatestShareSoErrorsSpreadThinStillCrossTheTrigger() {
        // each node: 100 healthy, then 34 of which 4 failed: 4 in its own window of 100, 4 in its latest 34
        for (StageWindow node : List.of(leader, second, third)) {
            record(node, 100, async(500));
            for (int i = 0; i < 34; i++) {
                node.record(i % 8 == 0 && i < 32 ? failed(UploadPath.ASYNC, "provider-unavailable") : async(500));
            }
        }
        RecentOutcomes own = leader.recent(List.of());
        assertEquals(new RecentOutcomes(100, 100, 96, 4), own);
        assertFalse(TriggerCheck.recentCrossed(own, TRIGGERS), "4 % on one node stays under the 5 % trigger");

        RecentOutcomes cluster = leader.recent(List.of(published(second, 3), published(third, 3)));
        assertEquals(new RecentOutcomes(100, 102, 90, 12), cluster, "the latest 34 of each of three nodes");
        assertTrue(TriggerCheck.recentCrossed(cluster, TRIGGERS), "12 in the cluster's latest 102 crosses it");
    }

    @Test
    void aShareCountedBeforeAMoveNamesTheStageItWasCountedIn() {
        RolloutState next = STAGE_3.withStage(4, 100, true, ControllerState.HOLDING, T0.plusSeconds(60), HEAP);
        assertEquals("3@" + T0, StageWindow.stageKey(STAGE_3));
        assertEquals(StageWindow.stageKey(next), second.figures(next, 3).stage());
        assertFalse(StageWindow.stageKey(STAGE_3).equals(StageWindow.stageKey(next)));
    }
}
