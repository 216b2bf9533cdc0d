package dev.uploadgateway.notification.entity;

import java.net.URI;
import java.util.Set;

/**
 * One configured webhook receiver, {@code rollout.webhooks.<name>.*}: where to post, the secret every
 * body is signed with, the body's format and the events it wants.
 */
public record Receiver(String name, URI url, String secret, WebhookFormat format, Set<String> events) {

    public Receiver {
        events = Set.copyOf(events);
    }

    public boolean wants(String event) {
        return events.contains(event);
    }

    /** Without the secret or the URL (a chat's incoming-webhook URL is a token), so a receiver may be logged. */
    @Override
    public String toString() {
        return "Receiver[" + name + " " + format + " " + events + "]";
    }
}
