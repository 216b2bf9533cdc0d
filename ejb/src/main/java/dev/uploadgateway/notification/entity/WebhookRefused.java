package dev.uploadgateway.notification.entity;

/**
 * A receiver answered with a status that is not 2xx and may be worth another attempt (5xx, 408,
 * 429), or could not be reached. The message never holds the receiver's URL, which may carry a token.
 */
public class WebhookRefused extends RuntimeException {

    public WebhookRefused(int status) {
        super("the receiver answered HTTP " + status);
    }

    public WebhookRefused(String why, Throwable cause) {
        super(why, cause);
    }
}
