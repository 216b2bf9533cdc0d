package dev.uploadgateway.notification.entity;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One notice to one receiver: the same id, body and signature on every attempt, so a receiver can
 * drop a repeat; counts its attempts and keeps the last answer's status (0: none) for the audit.
 */
public record Delivery(String id, Receiver receiver, String event, byte[] body, String signature,
        AtomicInteger attempts, AtomicInteger lastStatus) {

    public Delivery(String id, Receiver receiver, String event, byte[] body, String signature) {
        this(id, receiver, event, body, signature, new AtomicInteger(), new AtomicInteger());
    }

    @Override
    public String toString() {
        return "Delivery[" + id + " " + event + " to " + receiver.name() + "]";
    }
}
