package dev.uploadgateway.remote.entity;

import java.io.Serial;

/**
 * The gateway refused or could not complete a remote call. Carries what the HTTP API puts in its
 * RFC 9457 problem body: the HTTP status it would answer, the stable {@code type} slug (e.g.
 * {@code upload-too-large}, {@code upload-not-found}, {@code provider-unavailable}), a title, and
 * the detail as the message. One class for every condition, so a client needs no other gateway
 * class to receive it.
 */
public class UploadProblem extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;

    public UploadProblem(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
