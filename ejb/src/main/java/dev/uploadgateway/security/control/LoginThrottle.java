package dev.uploadgateway.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Failed logins per client address in fixed windows: after {@code auth.failed-login-burst} failures
 * within {@code auth.failed-login-window-seconds}, that address gets 429 until its window ends, so
 * guessing a password or a key costs a client a minute per burst. The table is bounded: past
 * {@link #MAX_CLIENTS} addresses, ended windows are dropped, and while all are live a new address
 * is not counted. Written by hand: neither Jakarta
 * Security nor MicroProfile limits failed authentications.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int MAX_CLIENTS = 10_000;

    @Inject
    @ConfigProperties
    LoginSettings settings;

    LongSupplier clock = System::nanoTime;
    private final Map<String, Window> clients = new ConcurrentHashMap<>();

    private record Window(long startedAt, int failures) {
    }

    public boolean blocked(String client) {
        Window w = clients.get(client);
        return w != null && !ended(w) && w.failures() >= settings.failedLoginBurst;
    }

    public void failed(String client) {
        if (clients.size() >= MAX_CLIENTS) {
            clients.values().removeIf(this::ended);
            if (clients.size() >= MAX_CLIENTS && !clients.containsKey(client)) {
                return; // every place holds a live window: a new address goes uncounted rather than grow the table
            }
        }
        clients.compute(client, (k, w) -> w == null || ended(w) ? new Window(clock.getAsLong(), 1)
                : new Window(w.startedAt(), w.failures() + 1));
    }

    /** Seconds until the client's window ends, at least 1. */
    public long retryAfterSeconds(String client) {
        Window w = clients.get(client);
        if (w == null) {
            return 1;
        }
        long left = settings.failedLoginWindowSeconds * 1_000_000_000L - (clock.getAsLong() - w.startedAt());
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }

    private boolean ended(Window w) {
        return clock.getAsLong() - w.startedAt() >= settings.failedLoginWindowSeconds * 1_000_000_000L;
    }
}
