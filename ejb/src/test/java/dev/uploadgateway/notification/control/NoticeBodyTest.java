package dev.uploadgateway.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.uploadgateway.notification.entity.WebhookFormat;
import dev.uploadgateway.rollout.entity.Actor;
import dev.uploadgateway.rollout.entity.Transition;
import dev.uploadgateway.rollout.entity.Verdict;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoticeBodyTest {

    private static final Transition ROLLBACK = new Transition(Instant.parse("2026-12-07T08:00:00Z"),
            Actor.CONTROLLER, "rollback", 2, 10, 0, 0, Verdict.ROLLBACK,
            List.of("async success 0.80 below 0.95"), null, null);

    private static JsonObject json(byte[] body) {
        try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        }
    }

    @Test
    void theJsonBodyCarriesTheAuditRecordWithEventNodeAndDeliveryId() {
        JsonObject o = json(NoticeBody.of(WebhookFormat.JSON, "rollback", "d-1", ROLLBACK, "node-a"));
        assertEquals("rollback", o.getString("event"));
        assertEquals("d-1", o.getString("deliveryId"));
        assertEquals("node-a", o.getString("node"));
        JsonObject record = o.getJsonObject("record");
        assertEquals("rollback", record.getString("action"));
        assertEquals("CONTROLLER", record.getString("actor"));
        assertEquals(2, record.getInt("fromStage"));
        assertEquals(0, record.getInt("toStage"));
        assertEquals("2026-12-07T08:00:00Z", record.getString("at"));
        assertEquals("async success 0.80 below 0.95", record.getJsonArray("reasons").getString(0));
    }

    @Test
    void theSlackBodyIsOneLineOfText() {
        JsonObject o = json(NoticeBody.of(WebhookFormat.SLACK, "rollback", "d-1", ROLLBACK, "node-a"));
        assertEquals(Set.of("text"), o.keySet());
        assertEquals("upload-gateway rollout rollback (rollback) by CONTROLLER on node node-a: stage 2 (10 %) -> stage 0"
                + " (0 %): async success 0.80 below 0.95", o.getString("text"));
    }

    @Test
    void mapsMovesToTheEventsReceiversAskFor() {
        assertEquals(Optional.of("promote"), NoticeEvents.of(with("approve", null)));
        assertEquals(Optional.of("promote"), NoticeEvents.of(with("complete", Verdict.PROMOTE)));
        assertEquals(Optional.of("config"), NoticeEvents.of(with("adopt-config", null)));
        assertEquals(Optional.of("review"), NoticeEvents.of(with("verdict", Verdict.REVIEW)));
        assertEquals(Optional.empty(), NoticeEvents.of(with("verdict", Verdict.HOLD)));
        assertEquals(Optional.empty(), NoticeEvents.of(with("webhook", null)));
        assertEquals(Optional.of("inconclusive"), NoticeEvents.of(with("inconclusive", Verdict.HOLD)));
    }

    private static Transition with(String action, Verdict verdict) {
        return new Transition(Instant.EPOCH, Actor.CONTROLLER, action, 1, 1, 1, 1, verdict, List.of(), null, null);
    }
}
