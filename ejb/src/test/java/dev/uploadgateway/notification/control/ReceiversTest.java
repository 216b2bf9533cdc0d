package dev.uploadgateway.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uploadgateway.notification.entity.Receiver;
import dev.uploadgateway.notification.entity.WebhookFormat;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReceiversTest {

    private static Receivers.Read read(Map<String, String> keys) {
        return Receivers.read(keys.keySet(), k -> Optional.ofNullable(keys.get(k)));
    }

    @Test
    void readsEveryNamedReceiverWithItsDefaults() {
        Receivers.Read r = read(Map.of(
                "rollout.webhooks.ops.url", "https://hooks.example.com/rollout",
                "rollout.webhooks.ops.secret", "s3cret",
                "rollout.webhooks.chat.url", "http://127.0.0.1:9/chat",
                "rollout.webhooks.chat.secret", "other",
                "rollout.webhooks.chat.format", "slack",
                "rollout.webhooks.chat.events", "rollback, Gate",
                "rollout.webhooks.timeout-ms", "5000"));
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(
                new Receiver("chat", URI.create("http://127.0.0.1:9/chat"), "other", WebhookFormat.SLACK,
                        Set.of("rollback", "gate")),
                new Receiver("ops", URI.create("https://hooks.example.com/rollout"), "s3cret", WebhookFormat.JSON,
                        Set.copyOf(NoticeEvents.ALL))), r.receivers());
    }

    @Test
    void namesEveryBadKeyAndNeverTheSecret() {
        Receivers.Read r = read(Map.of(
                "rollout.webhooks.a.url", "ftp://example.com/x",
                "rollout.webhooks.a.secret", "hunter2",
                "rollout.webhooks.a.format", "xml",
                "rollout.webhooks.a.events", "promote,deploy",
                "rollout.webhooks.b.url", "https://example.com/b",
                "rollout.webhooks.c.secret", "x",
                "rollout.webhooks.d.ulr", "https://example.com/d"));
        String all = String.join("\n", r.problems());
        assertTrue(all.contains("rollout.webhooks.a.url must be an absolute http or https URL"), all);
        assertTrue(all.contains("rollout.webhooks.a.format must be json or slack, was 'xml'"), all);
        assertTrue(all.contains("rollout.webhooks.a.events names an unknown event 'deploy'"), all);
        assertTrue(all.contains("rollout.webhooks.b.secret is missing"), all);
        assertTrue(all.contains("rollout.webhooks.c.url is missing"), all);
        assertTrue(all.contains("rollout.webhooks.d.ulr is not a webhook key"), all);
        assertFalse(all.contains("hunter2"), all);
        assertEquals(List.of(), r.receivers());
        assertFalse(new Receiver("a", URI.create("https://hooks.slack.com/services/T/B/token"), "hunter2",
                WebhookFormat.SLACK, Set.of()).toString().matches(".*(hunter2|token).*"));
    }
}
