package dev.uploadgateway.bench.process;

import dev.uploadgateway.testkit.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The payara-floor target: module bench/payara-floor's WAR on the gateway's Payara Micro, booted
 * with the gateway's settings ({@link GatewaySettings#floorCommand}) on a fresh instance root. It is
 * started before the gateway and awaited after it, so that the two boots share the wait; like the
 * gateway's, Micro's "ready" is not trusted until the application answers.
 */
public final class Floor {

    private final Children children;
    private final Path dir;
    private final Process process;
    private final int port;

    private Floor(Children children, Path dir, Process process, int port) {
        this.children = children;
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /** Starts the JVM and returns at once; {@link #awaitReady} waits for the application. */
    public static Floor start(Children children, GatewaySettings settings, Path war, Path work) throws IOException {
        Path dir = Files.createDirectories(work.resolve("floor"));
        Files.createDirectories(dir.resolve("micro-root"));
        Files.createDirectories(dir.resolve("tmp"));
        settings.writePreBoot(dir);
        int port = LoopbackPorts.free();
        ProcessBuilder builder = new ProcessBuilder(settings.floorCommand(war, dir, dir.resolve("gc.log"), port))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("floor.log").toFile());
        return new Floor(children, dir, children.start(builder), port);
    }

    public void awaitReady() throws IOException, InterruptedException {
        for (int i = 0; i < 360; i++) {
            if (!process.isAlive()) {
                throw new IOException("payara-floor exited during boot; see " + log());
            }
            if (ControlClient.get(base().resolve("/api/uploads")).isPresent()) {
                return;
            }
            Thread.sleep(500);
        }
        children.stop(process, 15);
        throw new IOException("payara-floor did not answer GET /api/uploads within 180 s; see " + log());
    }

    public boolean healthy() {
        return process.isAlive() && ControlClient.get(base().resolve("/api/uploads")).isPresent();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return dir.resolve("floor.log");
    }

    public void stop() {
        children.stop(process, 15);
    }
}
