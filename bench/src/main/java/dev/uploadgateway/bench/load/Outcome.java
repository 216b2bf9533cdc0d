package dev.uploadgateway.bench.load;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one request came to. {@code detail} names the gateway path of a success ({@code sync},
 * {@code async}, {@code sync_fallback}), or the status and problem type of a failure
 * ({@code 502 provider-unavailable}), or the exception of a request that got no answer.
 */
public record Outcome(Kind kind, int status, long nanos, String detail) {

    public enum Kind { OK, ERROR, TIMEOUT, OOM }

    private static final Pattern PATH = Pattern.compile("\"path\"\\s*:\\s*\"([a-z_]+)\"");
    private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*?([a-z0-9-]+)\"");

    public static Outcome answered(int status, String body, long nanos) {
        String text = body == null ? "" : body;
        if (status >= 200 && status < 300) {
            return new Outcome(Kind.OK, status, nanos, first(PATH, text, "ok"));
        }
        String detail = status + " " + first(PROBLEM_TYPE, text, "-");
        if (status == 504) {
            return new Outcome(Kind.TIMEOUT, status, nanos, detail);
        }
        if (status == 503 && detail.endsWith("sync-path-out-of-memory")) {
            return new Outcome(Kind.OOM, status, nanos, detail);
        }
        return new Outcome(Kind.ERROR, status, nanos, detail);
    }

    public static Outcome failed(Throwable failure, long nanos) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException) {
            return new Outcome(Kind.TIMEOUT, 0, nanos, "client connect timeout");
        }
        if (cause instanceof HttpTimeoutException) {
            return new Outcome(Kind.TIMEOUT, 0, nanos, "client timeout");
        }
        String name = cause instanceof ConnectException ? "connect refused" : cause.getClass().getSimpleName();
        return new Outcome(Kind.ERROR, 0, nanos, "no answer: " + name);
    }

    private static String first(Pattern pattern, String text, String otherwise) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : otherwise;
    }
}
