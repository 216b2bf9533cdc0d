package dev.uploadgateway.it;

import dev.uploadgateway.testkit.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The gateway as an operator runs it: Payara Micro in its own JVM with server-config's boot
 * commands and logging, for tests about the process itself (startup refusal, crash, restart).
 */
final class MicroProcess implements AutoCloseable {

    private final List<String> command;
    private java.util.Map<String, String> environment;
    private final Path home;
    private final Path root;
    private final Path log;
    private Process process;
    /** The database's settings when the tests run against PostgreSQL: a database of its own per process. */
    private final java.util.Map<String, String> database;
    final int port;
    final Path configDir;

    private MicroProcess(List<String> command, java.util.Map<String, String> environment,
                         java.util.Map<String, String> database, Path home, Path root, int port,
                         Path configDir) throws IOException {
        this.command = command;
        this.environment = environment;
        this.home = home;
        this.root = root;
        this.log = home.resolve("server.log");
        this.port = port;
        this.configDir = configDir;
        this.database = database;
        launch();
    }

    /**
     * Starts Micro with the real WAR; {@code jvmOptions} come before {@code -jar}. Its data (spool,
     * local files, audit trail, H2 database, config directory) lives under one home directory, so
     * {@link #restart} finds everything a crash left behind.
     */
    static MicroProcess start(List<String> jvmOptions, java.util.Map<String, String> configFiles) throws IOException {
        return start(jvmOptions, configFiles, java.util.Map.of());
    }

    /** As {@link #start(List, java.util.Map)}, with environment variables (how secrets are best given). */
    static MicroProcess start(List<String> jvmOptions, java.util.Map<String, String> configFiles,
                              java.util.Map<String, String> environment) throws IOException {
        return start(Path.of(System.getProperty("gateway.war")), jvmOptions, configFiles, environment);
    }

    /** As {@link #start(List, java.util.Map, java.util.Map)}, deploying {@code war} (a test's variant of the real WAR). */
    static MicroProcess start(Path war, List<String> jvmOptions, java.util.Map<String, String> configFiles,
                              java.util.Map<String, String> environment) throws IOException {
        Path target = Path.of(System.getProperty("payara.microJar")).getParent();
        Path home = Files.createDirectories(target.resolve("processes").resolve(UUID.randomUUID().toString()));
        Path root = home.resolve("micro-root");
        Path config = Files.createDirectories(home.resolve("config"));
        for (var entry : configFiles.entrySet()) {
            Files.writeString(config.resolve(entry.getKey()), entry.getValue());
        }
        Path serverConfig = target.getParent().resolve("../server-config").normalize();
        int port = LoopbackPorts.free();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-Dupload.spool-dir=" + home.resolve("data/spool"));
        command.add("-Dprovider.local.dir=" + home.resolve("data/files"));
        command.add("-Daudit.upload-events-file=" + home.resolve("data/audit/upload-events.jsonl"));
        command.add("-Daudit.rollout-events-file=" + home.resolve("data/audit/rollout-events.jsonl"));
        command.add("-Drollout.state-file=" + home.resolve("data/rollout-state.json"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"),
                "--deploy", war.toString(), "--port", String.valueOf(port), "--nohazelcast",
                "--rootdir", root.toString()));
        // PostgreSQL when the test names one, or when the whole run is against it (a database of its own)
        java.util.Map<String, String> database = environment.containsKey("UPLOAD_GATEWAY_DB_HOST")
                ? java.util.Map.of() : PostgresDatabases.forProcess();
        command.addAll(PostgresDatabases.microOptions(serverConfig, home,
                !database.isEmpty() || environment.containsKey("UPLOAD_GATEWAY_DB_HOST")));
        command.addAll(List.of(
                "--postbootcommandfile", serverConfig.resolve("post-boot-commands.asadmin").toString(),
                "--logproperties", serverConfig.resolve("logging.properties").toString()));
        return new MicroProcess(command, environment, database, home, root, port, config);
    }

    static MicroProcess start(List<String> jvmOptions) throws IOException {
        return start(jvmOptions, java.util.Map.of());
    }

    private int launches;

    /** Each start gets a fresh instance root, as run.sh does (see server-config/pre-boot-commands.asadmin). */
    private void launch() throws IOException {
        launches++;
        if (Files.exists(root)) {
            try (var files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(root);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(database);
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** SIGKILL, as a crash would: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts the same server again on the same data, after {@link #kill}. */
    void restart() throws IOException {
        launch();
    }

    /** Starts the same server again on the same data with other environment variables, after {@link #kill}. */
    void restart(java.util.Map<String, String> newEnvironment) throws IOException {
        environment = newEnvironment;
        launch();
    }

    /**
     * Waits until Micro has finished booting (its "ready" line, which comes after the post-boot
     * commands; the application answers a little before them) and the application answers.
     */
    // Polled by hand, not with Awaitility: both waits end at once when the JVM has died, and report false rather than throw.
    boolean awaitReady(Duration timeout) throws IOException, InterruptedException {
        GatewayClient client = GatewayClient.at(url());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (readyLines() >= launches) {
                try {
                    if (client.get("api/rollout").status() == 200) {
                        return true;
                    }
                } catch (IOException notYet) {
                    // the listener is not up yet
                }
            }
            Thread.sleep(250);
        }
        return false;
    }

    private long readyLines() throws IOException {
        return log().lines().filter(l -> l.contains("Payara Micro") && l.contains("ready in")).count();
    }

    /** Where this server's data lives (spool, files, audit trail, state, database). */
    Path home() {
        return home;
    }

    URL url() throws IOException {
        return URI.create("http://127.0.0.1:" + port + "/").toURL();
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Waits until the log satisfies {@code condition}, the process ends, or the timeout passes. */
    boolean awaitLog(Predicate<String> condition, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(log())) {
                return true;
            }
            if (!process.isAlive()) {
                return condition.test(log());
            }
            Thread.sleep(250);
        }
        return false;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
