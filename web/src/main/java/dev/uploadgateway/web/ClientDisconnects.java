package dev.uploadgateway.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A client that hangs up before its answer is written is the client's business: Jersey and the web
 * container each log it with a stack trace (about 40 KB per disconnect, measured), so any client
 * could fill the disk or stall request threads on the log handler. While the application runs,
 * those records are replaced by one line per minute at most, counting the disconnects. Written by
 * hand: the server's logging has no per-cause filter to configure.
 */
@WebListener
public class ClientDisconnects implements ServletContextListener, Filter {

    static final List<String> NOISY = List.of("org.glassfish.jersey.server.ServerRuntime$Responder",
            "jakarta.enterprise.web.core", "jakarta.enterprise.web", "jakarta.enterprise.web.util");
    private static final Logger LOG = Logger.getLogger(ClientDisconnects.class.getName());
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final AtomicLong unreported = new AtomicLong();
    private final AtomicLong lastReport = new AtomicLong(System.nanoTime() - MINUTE_NANOS);

    private final Map<Handler, Filter> replaced = new ConcurrentHashMap<>();

    /**
     * On the root logger's handlers, not on the loggers themselves: Payara's log manager hands the
     * server's components logger objects a filter set from the application never reaches (tried).
     */
    @Override
    public void contextInitialized(ServletContextEvent event) {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            Filter previous = handler.getFilter();
            replaced.put(handler, previous == null ? r -> true : previous);
            handler.setFilter(r -> isLoggable(r) && replaced.getOrDefault(handler, x -> true).isLoggable(r));
        }
        LOG.log(Level.INFO, "Client disconnects are logged as one line a minute on {0} log handler(s)", replaced.size());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        replaced.forEach((handler, previous) -> handler.setFilter(previous));
        replaced.clear();
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        // List.of(..).contains(null) throws, and records without a logger name exist (the ORB's): a
        // filter that throws kills the thread that logs
        String logger = record.getLoggerName();
        if (logger == null || !NOISY.contains(logger) || !disconnect(record.getThrown()) && !disconnectIn(record)) {
            return true;
        }
        long count = unreported.incrementAndGet();
        long last = lastReport.get();
        long now = System.nanoTime();
        if (now - last >= MINUTE_NANOS && lastReport.compareAndSet(last, now)) {
            unreported.addAndGet(-count);
            LOG.log(Level.INFO, "{0} request(s) ended because the client closed the connection before its answer"
                    + " (reported at most once a minute)", count);
        }
        return false;
    }

    /** The web container passes its exception as a message parameter rather than as the record's thrown. */
    private static boolean disconnectIn(LogRecord record) {
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            for (Object p : parameters) {
                if (p instanceof Throwable t && disconnect(t)) {
                    return true;
                }
            }
        }
        String message = String.valueOf(record.getMessage());
        return message.contains("Exception Processing ErrorPage") && message.contains("Connection is closed");
    }

    /** Whether {@code thrown} is, somewhere in its causes, a connection the client closed or reset. */
    static boolean disconnect(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof EOFException || t instanceof IOException && (message.contains("Connection is closed")
                    || message.contains("Broken pipe") || message.contains("Connection reset"))) {
                return true;
            }
        }
        return false;
    }
}
