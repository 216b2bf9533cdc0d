package dev.uploadgateway.notification.entity;

/** A receiver refused the notice with a 4xx that another attempt cannot change (a bad URL, a signature it rejects). */
public class WebhookRejected extends RuntimeException {

    public WebhookRejected(int status) {
        super("the receiver answered HTTP " + status + ", which another attempt would not change");
    }
}
