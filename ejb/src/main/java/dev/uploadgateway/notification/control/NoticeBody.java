package dev.uploadgateway.notification.control;

import dev.uploadgateway.notification.entity.WebhookFormat;
import dev.uploadgateway.rollout.control.Sentence;
import dev.uploadgateway.rollout.entity.Transition;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** The body of a notice in either format: the audit record of the move, or one line of text for a chat. */
public final class NoticeBody {

    private static final Jsonb JSON = JsonbBuilder.create();

    private NoticeBody() {
    }

    public static byte[] of(WebhookFormat format, String event, String deliveryId, Transition t, String node) {
        JsonObject body = format == WebhookFormat.SLACK
                ? Json.createObjectBuilder().add("text", text(event, t, node)).build()
                : Json.createObjectBuilder().add("event", event).add("deliveryId", deliveryId).add("node", node)
                        .add("record", record(t)).build();
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject record(Transition t) {
        try (var reader = Json.createReader(new StringReader(JSON.toJson(t)))) {
            return reader.readObject();
        }
    }

    /** e.g. {@code upload-gateway rollout: promote by CONTROLLER on node a, stage 1 (1 %) -> stage 2 (10 %): …}. */
    static String text(String event, Transition t, String node) {
        String who = t.by() == null ? t.actor().name() : t.actor() + " " + t.by();
        return "upload-gateway rollout " + event + " (" + t.action() + ") by " + who + " on node " + node + ": stage "
                + t.fromStage() + " (" + Sentence.trimmed(t.fromPercent()) + " %) -> stage " + t.toStage() + " ("
                + Sentence.trimmed(t.toPercent()) + " %)" + (t.reasons().isEmpty() ? "" : ": " + String.join("; ", t.reasons()));
    }
}
