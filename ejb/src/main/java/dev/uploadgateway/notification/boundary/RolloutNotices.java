package dev.uploadgateway.notification.boundary;

import dev.uploadgateway.notification.control.NoticeBody;
import dev.uploadgateway.notification.control.NoticeEvents;
import dev.uploadgateway.notification.control.Receivers;
import dev.uploadgateway.notification.control.WebhookPost;
import dev.uploadgateway.notification.control.WebhookSignature;
import dev.uploadgateway.notification.entity.Delivery;
import dev.uploadgateway.notification.entity.Receiver;
import dev.uploadgateway.rollout.control.RolloutTrail;
import dev.uploadgateway.rollout.entity.Actor;
import dev.uploadgateway.rollout.entity.RolloutMoved;
import dev.uploadgateway.rollout.entity.Transition;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Tells the configured webhook receivers of every move they asked for. The controller announces a
 * move once it is stored, asynchronously, so no receiver, however slow, delays a decision; each
 * notice is posted with retries ({@link WebhookPost}) and its outcome is a record of the audit trail.
 */
@ApplicationScoped
public class RolloutNotices {

    private static final Logger LOG = Logger.getLogger(RolloutNotices.class.getName());

    @Inject
    Config config;
    @Inject
    WebhookPost post;
    @Inject
    RolloutTrail trail;

    private List<Receiver> receivers;
    private Duration timeout;

    @PostConstruct
    void read() {
        // a bad key refuses the deployment first (StartupValidation); what is valid is used here
        receivers = Receivers.read(config.getPropertyNames(), key -> config.getOptionalValue(key, String.class))
                .receivers();
        timeout = Duration.ofMillis(config.getValue("rollout.webhooks.timeout-ms", Long.class));
    }

    void onMove(@ObservesAsync RolloutMoved moved) {
        Optional<String> event = NoticeEvents.of(moved.transition());
        if (event.isEmpty()) {
            return;
        }
        for (Receiver receiver : receivers) {
            if (receiver.wants(event.get())) {
                send(receiver, event.get(), moved);
            }
        }
    }

    private void send(Receiver receiver, String event, RolloutMoved moved) {
        String id = UUID.randomUUID().toString();
        byte[] body = NoticeBody.of(receiver.format(), event, id, moved.transition(), moved.node());
        Delivery delivery = new Delivery(id, receiver, event, body, WebhookSignature.of(receiver.secret(), body));
        post.post(delivery, timeout).whenComplete((status, failure) -> audit(delivery, moved.transition(), failure));
    }

    private void audit(Delivery d, Transition move, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        String outcome = cause == null ? "delivered (HTTP " + d.lastStatus().get() + ")"
                : "not delivered: " + cause.getMessage();
        String sentence = "webhook " + d.receiver().name() + ": the " + d.event() + " notice " + d.id() + " was "
                + outcome + " after " + d.attempts().get() + " attempt(s)";
        LOG.log(cause == null ? Level.FINE : Level.WARNING, "Rollout {0}", sentence);
        trail.note(new Transition(Instant.now(), Actor.WEBHOOK, "webhook", move.toStage(), move.toPercent(),
                move.toStage(), move.toPercent(), null, List.of(sentence), null, null));
    }
}
