package dev.uploadgateway.bench.process;

import dev.uploadgateway.testkit.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/**
 * The gateway on Payara Micro in its own JVM. Its path is switched through the watched config
 * directory (as an operator would) and the switch is awaited on {@code GET /api/rollout}; Micro's
 * own "ready" is not trusted. A gateway that died or stopped answering is booted again — a new
 * generation with its own log and GC log — and the reason is kept for the report.
 */
public final class Gateway {

    private final Children children;
    private final GatewaySettings settings;
    private final Path dir;
    private final int emulatorPort;
    private final List<String> restarts = new ArrayList<>();
    private Process process;
    private int port;
    private int generation;

    public Gateway(Children children, GatewaySettings settings, Path work, int emulatorPort) throws IOException {
        this.children = children;
        this.settings = settings;
        this.dir = Files.createDirectories(work.resolve("gateway"));
        this.emulatorPort = emulatorPort;
        for (String sub : List.of("config", "spool", "files", "audit", "db", "tmp")) {
            Files.createDirectories(dir.resolve(sub));
        }
        writeConfig("async.upload.enabled", "true");
        writeConfig("async.upload.rollout", "0");
    }

    /**
     * Boots a new generation on a fresh instance root (a kept one would deploy the application
     * twice; the database and config directory live beside it and survive) and waits until Micro
     * has finished booting — post-boot commands run after the application first answers — and the
     * application answers.
     */
    public void boot() throws IOException, InterruptedException {
        generation++;
        port = LoopbackPorts.free();
        deleteTree(dir.resolve("micro-root"));
        // A fresh rollout controller, which adopts the config directory's values at start.
        Files.deleteIfExists(dir.resolve("rollout-state.json"));
        Files.createDirectories(dir.resolve("micro-root"));
        settings.writePreBoot(dir);
        ProcessBuilder builder = new ProcessBuilder(settings.command(dir, gcLog(), port, emulatorPort))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log().toFile());
        // the database password, passed as run.sh passes it; the same at every boot, as the database stays
        builder.environment().put("UPLOAD_GATEWAY_DB_PASSWORD", "bench-db-password");
        process = children.start(builder);
        for (int i = 0; i < 360; i++) {
            if (!process.isAlive()) {
                throw new IOException("the gateway exited during boot; see " + log());
            }
            if (booted() && ControlClient.get(base().resolve("/api/rollout")).isPresent()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IOException("the gateway did not answer /api/rollout within 180 s; see " + dir);
    }

    private boolean booted() throws IOException {
        try (var lines = Files.lines(log(), java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.anyMatch(l -> l.contains("ready in"));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var all = Files.walk(root)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Alive and answering. */
    public boolean healthy() {
        return process != null && process.isAlive() && ControlClient.get(base().resolve("/api/rollout")).isPresent();
    }

    public void restart(String reason) throws IOException, InterruptedException {
        restarts.add(reason);
        children.stop(process, 15);
        boot();
    }

    /**
     * Routes every following request to sync (0) or async (100) and waits until the gateway says
     * so. The gateway adopts a value only when it changes, so if it moved away by itself (its
     * rollout controller) while the file still holds the wanted value, a nudge value goes first.
     */
    public void rollout(int wanted) throws IOException, InterruptedException {
        if (serves(wanted)) {
            return;
        }
        Path file = dir.resolve("config").resolve("async.upload.rollout");
        if (Files.exists(file) && Files.readString(file).strip().equals(Integer.toString(wanted))) {
            String nudge = wanted == 100 ? "99.99" : "0.01";
            writeConfig("async.upload.rollout", nudge);
            await(Double.parseDouble(nudge));
        }
        writeConfig("async.upload.enabled", "true");
        writeConfig("async.upload.rollout", Integer.toString(wanted));
        if (!await(wanted)) {
            throw new IOException("the gateway did not take rollout " + wanted + " % within 30 s: "
                    + ControlClient.get(base().resolve("/api/rollout")).orElse("no answer"));
        }
    }

    /** Whether {@code GET /api/rollout} says async is on and the percentage is {@code percent} (top-level fields). */
    public boolean serves(double percent) {
        Optional<String> view = ControlClient.get(base().resolve("/api/rollout"));
        if (view.isEmpty()) {
            return false;
        }
        try (JsonReader reader = Json.createReader(new StringReader(view.get()))) {
            JsonObject rollout = reader.readObject();
            return rollout.getBoolean("asyncEnabled", false) && rollout.containsKey("percent")
                    && rollout.getJsonNumber("percent").doubleValue() == percent;
        } catch (JsonException | ClassCastException e) {
            return false;
        }
    }

    private boolean await(double percent) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (serves(percent)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Spool files left behind; a finished cell should leave none. */
    public long spoolFiles() throws IOException {
        try (var files = Files.list(dir.resolve("spool"))) {
            return files.count();
        }
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public long pid() {
        return process.pid();
    }

    public Path gcLog() {
        return dir.resolve("gc-" + generation + ".log");
    }

    public Path log() {
        return dir.resolve("gateway-" + generation + ".log");
    }

    public int generation() {
        return generation;
    }

    public List<String> restarts() {
        return List.copyOf(restarts);
    }

    public GatewaySettings settings() {
        return settings;
    }

    public void stop() {
        if (process != null) {
            children.stop(process, 15);
        }
    }

    /**
     * Written in place: Payara reacts to modifications of a file in the directory, not to a file
     * moved over it. A half-written value is invalid and ignored; the completed write follows.
     */
    private void writeConfig(String key, String value) throws IOException {
        Files.writeString(dir.resolve("config").resolve(key), value);
    }
}
