package dev.uploadgateway.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Every process this run started, stopped on {@link #close()} and, should the harness exit any
 * other way, by a shutdown hook. Stopping is SIGTERM to the process and its descendants, then
 * SIGKILL to whatever is still there after the grace period.
 */
public final class Children implements AutoCloseable {

    private final List<Process> started = new CopyOnWriteArrayList<>();
    private final Path pidFile;
    private final Thread hook = new Thread(this::onShutdown, "bench-children-shutdown");
    private volatile boolean shuttingDown;

    public Children(Path pidFile) throws IOException {
        this.pidFile = pidFile;
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, "");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        started.add(process);
        Files.writeString(pidFile, process.pid() + "\n", StandardOpenOption.APPEND);
        return process;
    }

    /** Stops one process (and its descendants), waiting up to {@code graceSeconds} before killing. */
    public void stop(Process process, int graceSeconds) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        started.remove(process);
    }

    private void onShutdown() {
        shuttingDown = true;
        stopAll();
    }

    private void stopAll() {
        for (Process process : List.copyOf(started)) {
            stop(process, 10);
        }
    }

    /** Stops every child; the pid file goes with them, as there is nothing left for run.sh to kill. */
    @Override
    public void close() throws IOException {
        stopAll();
        if (!shuttingDown) {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        Files.deleteIfExists(pidFile);
    }
}
