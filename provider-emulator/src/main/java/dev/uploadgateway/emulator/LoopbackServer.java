package dev.uploadgateway.emulator;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP server on 127.0.0.1 that can be stopped and started again on the same port to
 * emulate a provider outage. Handler threads outlive the server: a cached pool, because an upload
 * occupies its thread for the whole body and a thousand may run at once.
 */
final class LoopbackServer {

    private static final String LOOPBACK = "127.0.0.1";
    private static final int BACKLOG = 1024;

    private final Map<String, HttpHandler> routes;
    private final ExecutorService handlers;
    private HttpServer server;
    private int port;

    LoopbackServer(int port, Map<String, HttpHandler> routes) {
        this.port = port;
        this.routes = Map.copyOf(routes);
        AtomicInteger threads = new AtomicInteger();
        this.handlers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "provider-emulator-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    synchronized void start() throws IOException {
        if (server == null) {
            HttpServer started = HttpServer.create(new InetSocketAddress(LOOPBACK, port), BACKLOG);
            routes.forEach(started::createContext);
            started.setExecutor(handlers);
            started.start();
            server = started;
            port = started.getAddress().getPort();
        }
    }

    /** Closes the listening socket and every open connection at once. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    synchronized int port() {
        return port;
    }

    synchronized boolean running() {
        return server != null;
    }

    void close() {
        stop();
        handlers.shutdownNow();
    }
}
