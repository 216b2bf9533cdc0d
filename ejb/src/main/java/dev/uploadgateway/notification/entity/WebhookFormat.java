package dev.uploadgateway.notification.entity;

/** The body a receiver gets. */
public enum WebhookFormat {
    /** The audit record of the move, with the event, node and delivery id. */
    JSON,
    /** {@code {"text": …}}, which Slack, Mattermost and Teams-compatible incoming webhooks accept. */
    SLACK
}
