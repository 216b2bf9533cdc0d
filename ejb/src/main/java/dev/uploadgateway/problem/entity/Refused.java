package dev.uploadgateway.problem.entity;

import jakarta.ejb.ApplicationException;

/**
 * The caller's request cannot be accepted as sent. Carries the HTTP status and the stable
 * problem type so the web layer can answer with an RFC 9457 body without knowing each case.
 */
@ApplicationException
public class Refused extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    public Refused(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    /** 400: the multipart body or one of its fields is not what the API takes. */
    public static Refused badRequest(String type, String title, String detail) {
        return new Refused(400, type, title, detail);
    }

    public int status() {
        return status;
    }

    /** Short, stable slug of the problem type, e.g. {@code missing-file}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
